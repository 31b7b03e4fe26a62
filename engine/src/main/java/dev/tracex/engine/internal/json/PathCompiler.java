package dev.tracex.engine.internal.json;

import dev.tracex.engine.ids.Ids;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles JSONPath text once. The accepted syntax is Jayway's: the shapes read here without Jayway
 * ({@link SimplePath}, plain {@link DefinitePath}s) are ones Jayway reads the same way ({@code SimplePathTest}),
 * and every other path is validated by Jayway's parser, then read as a {@link DefinitePath} if it names one value,
 * else by a {@link JaywayPath}. Only that last case loads Jayway.
 */
public final class PathCompiler {
    /** Longest path accepted: real paths are far shorter; Jayway's compiler recurses once per token. */
    static final int MAX_LENGTH = 1000;

    private PathCompiler() {
    }

    /** A path that could not be parsed, with Jayway's reason. */
    public static final class PathSyntaxException extends Exception {
        PathSyntaxException(String message) {
            super(message);
        }
    }

    public static JsonAccessor compile(String expression) throws PathSyntaxException {
        String expr = expression.trim();
        if (!expr.startsWith("$")) {
            throw new PathSyntaxException("a path starts with $");
        }
        if (expr.length() > MAX_LENGTH) {
            throw new PathSyntaxException("longer than " + MAX_LENGTH + " characters");
        }
        String unbalanced = unbalanced(expr);
        if (unbalanced != null) {
            throw new PathSyntaxException(unbalanced);
        }
        SimplePath simple = SimplePath.parse(expr);
        if (simple != null) {
            return simple; // a shape Jayway reads too (SimplePathTest), which compiles it only if it is ever asked
        }
        List<DefinitePath.Segment> segments = parseDefinite(expr);
        if (segments != null && plain(expr, segments)) {
            return new DefinitePath(expr, segments); // names and indices Jayway reads as such (SimplePathTest)
        }
        JaywayPath jayway = JaywayPath.compile(expr); // Jayway validates what it alone reads
        return segments != null ? new DefinitePath(expr, segments) : jayway;
    }

    /**
     * Whether a definite path is written with plain names only (letters, digits, {@code _} and {@code -}, in dot
     * or quoted-bracket form) and indices, which Jayway always accepts: such a path needs no Jayway at all.
     */
    private static boolean plain(String expr, List<DefinitePath.Segment> segments) {
        if (expr.indexOf('"') >= 0 || expr.indexOf('\\') >= 0) {
            return false;
        }
        for (DefinitePath.Segment s : segments) {
            if (s.name() != null && !PathCursor.isPlainName(s.name())) {
                return false;
            }
        }
        return true;
    }

    /** Jayway's compilation of a path {@link SimplePath} parsed, when it first needs Jayway's answer. */
    static JaywayPath jayway(String expr) {
        try {
            return JaywayPath.compile(expr);
        } catch (PathSyntaxException e) {
            throw new IllegalStateException("Jayway refuses a path tracex parsed: " + expr + ": " + e.getMessage(), e);
        }
    }

    /**
     * A complaint about unclosed brackets, parentheses or quotes, or {@code null}. Jayway reads
     * {@code $.a[} as {@code $['a']}; a typo in a rule must not silently mean something else.
     */
    static String unbalanced(String expr) {
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(expr, i);
                if (i < 0) {
                    return "unclosed quote " + c;
                }
            } else if (c == '[' || c == '(') {
                open.push(c);
            } else if (c == ']' || c == ')') {
                char expected = c == ']' ? '[' : '(';
                if (open.isEmpty() || open.pop() != expected) {
                    return "unexpected '" + c + "' at position " + i;
                }
            }
        }
        return open.isEmpty() ? null : "unclosed '" + open.peek() + "'";
    }

    /**
     * The index of the quote closing the one at {@code open} (a backslash escapes the next character),
     * or -1 when it is never closed. Shared by every scan that must not read brackets or bars in quotes.
     */
    public static int closingQuote(String s, int open) {
        char quote = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    /** The leading names and indices of a path, and the rest of it (from the first other token). */
    record Prefix(List<DefinitePath.Segment> segments, String rest) {
    }

    /** Splits {@code expr} into its definite prefix and the rest. */
    static Prefix definitePrefix(String expr) {
        String e = expr.trim();
        for (int cut = e.length(); cut >= 1; cut--) {
            if (cut == e.length() || e.charAt(cut) == '.' || e.charAt(cut) == '[') {
                List<DefinitePath.Segment> segments = parseDefinite(e.substring(0, cut));
                if (segments != null) {
                    return new Prefix(segments, e.substring(cut));
                }
            }
        }
        return new Prefix(List.of(), e.substring(1));
    }

    /** The names and indices of {@code expr}, or {@code null} if it uses anything else. */
    static List<DefinitePath.Segment> parseDefinite(String expr) {
        List<DefinitePath.Segment> out = new ArrayList<>();
        int i = 1;
        int n = expr.length();
        while (i < n) {
            char c = expr.charAt(i);
            if (c == '.') {
                if (i + 1 >= n || expr.charAt(i + 1) == '.') {
                    return null; // deep scan
                }
                int start = ++i;
                while (i < n && expr.charAt(i) != '.' && expr.charAt(i) != '[') {
                    i++;
                }
                String name = expr.substring(start, i);
                if (name.isEmpty() || name.equals("*") || name.contains("(") || name.contains(" ")) {
                    return null; // wildcard or function
                }
                out.add(DefinitePath.Segment.field(name));
            } else if (c == '[') {
                int close = findClose(expr, i);
                if (close < 0) {
                    return null;
                }
                String inside = expr.substring(i + 1, close).trim();
                DefinitePath.Segment seg = bracket(inside);
                if (seg == null) {
                    return null;
                }
                out.add(seg);
                i = close + 1;
            } else {
                return null;
            }
        }
        return out;
    }

    /** A single quoted name or a single integer; {@code null} for unions, slices, wildcards and filters. */
    private static DefinitePath.Segment bracket(String inside) {
        if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')) {
            char q = inside.charAt(0);
            StringBuilder name = new StringBuilder();
            int i = 1;
            while (i < inside.length() && inside.charAt(i) != q) {
                char c = inside.charAt(i);
                if (c == '\\' && i + 1 < inside.length()) {
                    c = inside.charAt(++i);
                }
                name.append(c);
                i++;
            }
            return i == inside.length() - 1 ? DefinitePath.Segment.field(name.toString()) : null;
        }
        Integer index = Ids.smallInteger(inside);
        return index == null ? null : DefinitePath.Segment.index(index);
    }

    private static int findClose(String expr, int open) {
        for (int i = open + 1; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\'' || c == '"') {
                i = closingQuote(expr, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }
}
