package dev.tracex.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every Java block of a page is a copy of code the build compiles. The block says where that code is on
 * the line above it: {@code <!-- snippet: tools/cli/src/test/java/dev/tracex/docs/snippets/Batches.java#process-sqs -->}
 * names a file of a compiled source set ({@code src/main/java} or {@code src/test/java} of a module) and a
 * region in it, the lines between {@code // snippet:begin process-sqs} and {@code // snippet:end process-sqs};
 * without {@code #region} the block is the whole file. The block must equal the region, its common
 * indentation removed. A block that cannot be compiled here says why instead:
 * {@code <!-- not-compiled: powertools-batch is not in the Maven repository this project builds against -->}.
 */
final class JavaSnippetCheck {
    static final String SNIPPET = "snippet:";
    static final String NOT_COMPILED = "not-compiled:";
    private static final String BEGIN = "// snippet:begin ";
    private static final String END = "// snippet:end ";

    private final Path root;

    JavaSnippetCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    List<Problem> check(MarkdownPage page) {
        List<Problem> problems = new ArrayList<>();
        for (MarkdownPage.Fence fence : page.fences()) {
            if (!fence.language().equals("java")) {
                continue;
            }
            String directive = fence.directive();
            if (directive != null && directive.startsWith(NOT_COMPILED)) {
                if (directive.substring(NOT_COMPILED.length()).isBlank()) {
                    problems.add(page.problem(fence.directiveLine(), "not-compiled needs the reason"));
                }
                continue;
            }
            if (directive == null || !directive.startsWith(SNIPPET)) {
                problems.add(page.problem(fence.firstLine() - 1, "a java block needs <!-- snippet: <compiled file>#<region> --> "
                        + "(or <!-- not-compiled: <why> -->) on the line above it"));
                continue;
            }
            String problem = compare(fence, directive.substring(SNIPPET.length()).strip());
            if (problem != null) {
                problems.add(page.problem(fence.firstLine(), problem));
            }
        }
        return problems;
    }

    private String compare(MarkdownPage.Fence fence, String reference) {
        int hash = reference.indexOf('#');
        String path = hash < 0 ? reference : reference.substring(0, hash);
        String region = hash < 0 ? null : reference.substring(hash + 1);
        if (!path.matches("(.+/)?src/(main|test)/java/.+\\.java")) {
            return "snippet " + path + " is not in a compiled source set (src/main/java or src/test/java of a module)";
        }
        Path file = root.resolve(path).normalize();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return "snippet " + path + ": cannot read it (" + e.getClass().getSimpleName() + ")";
        }
        List<String> code = region == null ? lines : region(lines, region);
        if (code == null) {
            return "snippet " + path + " has no region " + region + " (// snippet:begin " + region + " ... // snippet:end " + region + ")";
        }
        return firstDifference(dedented(code), trimmed(fence.lines()), reference);
    }

    /** {@code null} when the two are equal, else the first line where they part. */
    private static String firstDifference(List<String> code, List<String> block, String reference) {
        for (int i = 0; i < Math.max(code.size(), block.size()); i++) {
            String c = i < code.size() ? code.get(i) : null;
            String b = i < block.size() ? block.get(i) : null;
            if (c == null || !c.equals(b)) {
                return "block line " + (i + 1) + " is " + (b == null ? "past its end" : "\"" + b + "\"")
                        + ", " + reference + " has " + (c == null ? "no more lines" : "\"" + c + "\"");
            }
        }
        return null;
    }

    private static List<String> trimmed(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static List<String> region(List<String> lines, String name) {
        int begin = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.equals(BEGIN + name)) {
                begin = i + 1;
            } else if (t.equals(END + name) && begin >= 0) {
                return lines.subList(begin, i);
            }
        }
        return null;
    }

    private static List<String> dedented(List<String> code) {
        int indent = Integer.MAX_VALUE;
        for (String l : code) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : code) {
            out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
        }
        // The region's blank lines at either end are not part of what a page shows.
        while (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        return trimmed(out);
    }
}
