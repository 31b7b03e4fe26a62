package dev.tracex.engine.internal.compiler;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * snakeyaml's syntax errors in the words of the rest of tracex's errors, with the fix where the usual cause
 * is known: a {@code ': '} inside a one-line {@code js:} snippet or an unquoted path, an indentation that does
 * not line up, a tab, an unclosed quote, a {@code [} inside {@code {...}}. Internal.
 */
final class YamlSyntax {
    private YamlSyntax() {
    }

    /** The message for {@code e}, found in {@code text}. */
    static String plainWords(MarkedYAMLException e, String text) {
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : firstLine(e.getProblem());
        Mark at = e.getProblemMark();
        String line = at == null ? "" : line(text, at.getLine()).strip();
        if (problem.startsWith("mapping values are not allowed here")) {
            if (line.startsWith("js:")) {
                return "': ' inside a one-line js: snippet; write the snippet as a block: `js: |`, then the code on the "
                        + "next lines, indented";
            }
            if (line.contains("$")) {
                return "': ' inside an unquoted value; quote the path ('$...') or write it as a block (`|`)";
            }
            return "': ' inside an unquoted value, or a line indented more than the keys beside it: quote the value, "
                    + "or fix the indentation";
        }
        if (problem.startsWith("expected <block end>, but found '<scalar>'")) {
            return "more text after a value (a quoted value followed by more text?)";
        }
        if (problem.startsWith("expected <block end>, but found '-'")) {
            return "a list item (- ...) where a key was expected: check the indentation";
        }
        if (problem.startsWith("expected <block end>") || problem.startsWith("did not find expected key")) {
            return "the indentation does not line up: the keys of one mapping start in the same column";
        }
        if (problem.contains("(TAB)")) {
            return "a tab: YAML indents with spaces only";
        }
        if (problem.startsWith("found unexpected end of stream") && "while scanning a quoted scalar".equals(e.getContext())) {
            Mark open = e.getContextMark();
            return "the quoted value opened at " + (open == null ? "?" : (open.getLine() + 1) + ":" + (open.getColumn() + 1))
                    + " is not closed";
        }
        if (problem.startsWith("expected ',' or '}'")) {
            return "inside { }, a value holding [ , or { must be quoted, e.g. {trace_id: \"$.Records[0].t\"}; or use block style";
        }
        if (problem.startsWith("expected ',' or ']'")) {
            return "inside [ ], a value holding [ , or { must be quoted; or use a block list (- item)";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "expected 'key: value' (a missing ':' or an unclosed quote above?)";
        }
        return problem;
    }

    private static String line(String text, int index) {
        String[] lines = text.split("\n", -1);
        return index < lines.length ? lines[index] : "";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
