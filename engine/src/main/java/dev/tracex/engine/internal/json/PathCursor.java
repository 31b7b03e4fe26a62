package dev.tracex.engine.internal.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A left-to-right reader of JSONPath text for the shapes {@link SimplePath} evaluates itself. It accepts a
 * strict subset of what Jayway reads (plain names, single-quoted literals without escapes), so whatever it
 * accepts means the same to Jayway ({@code SimplePathTest}).
 */
final class PathCursor {
    private final String s;
    private int i;

    PathCursor(String s) {
        this.s = s;
    }

    boolean take(String token) {
        if (s.startsWith(token, i)) {
            i += token.length();
            return true;
        }
        return false;
    }

    boolean at(String token) {
        return s.startsWith(token, i);
    }

    boolean atEnd() {
        return i == s.length();
    }

    void spaces() {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
    }

    /**
     * Steps of names and indices ({@code .name}, {@code ['name']}, {@code [0]}), as many as there are (none is
     * fine): a {@code String} per name, an {@code Integer} per index; {@code null} at a step that starts like one
     * and is not plain. Stops before anything else ({@code [*]}, {@code .*}, {@code [?(}, a union).
     */
    List<Object> steps() {
        List<Object> out = new ArrayList<>();
        while (i < s.length()) {
            if (s.charAt(i) == '.' && i + 1 < s.length() && s.charAt(i + 1) != '*' && s.charAt(i + 1) != '.') {
                i++;
                String n = name();
                if (n == null) {
                    return null;
                }
                out.add(n);
            } else if (at("['") && singleQuotedName()) {
                out.add(quotedName());
            } else if (at("[") && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                int close = s.indexOf(']', i);
                String digits = close < 0 ? "" : s.substring(i + 1, close);
                if (digits.isEmpty() || digits.length() > 6) {
                    return null;
                }
                for (int k = 0; k < digits.length(); k++) {
                    if (!Character.isDigit(digits.charAt(k))) {
                        return null;
                    }
                }
                out.add(Integer.parseInt(digits));
                i = close + 1;
            } else {
                break;
            }
        }
        return out;
    }

    /** Whether a {@code ['name']} with one plain name starts here (not a union {@code ['a','b']}). */
    private boolean singleQuotedName() {
        int close = s.indexOf("']", i + 2);
        return close >= 0 && isPlainName(s.substring(i + 2, close));
    }

    /** The name of the {@code ['name']} at the cursor, which {@link #singleQuotedName()} accepted. */
    private String quotedName() {
        int close = s.indexOf("']", i + 2);
        String n = s.substring(i + 2, close);
        i = close + 2;
        return n;
    }

    /** A plain name: letters, digits, {@code _} and {@code -} (a subset of what Jayway reads as one). */
    String name() {
        int start = i;
        while (i < s.length() && plain(s.charAt(i))) {
            i++;
        }
        return i == start ? null : s.substring(start, i);
    }

    /** A field of the current item in a filter, {@code @.name} or {@code @['name']}; {@code null} if neither. */
    String itemField() {
        if (take("@.")) {
            return name();
        }
        if (at("@['")) {
            i++;
            if (singleQuotedName()) {
                return quotedName();
            }
        }
        return null;
    }

    /**
     * The names of a union {@code ['a','b',...]} of two or more plain single-quoted names, or {@code null}
     * (the cursor then is where it was).
     */
    List<String> union() {
        int start = i;
        if (!take("[")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        do {
            spaces();
            String n = between('\'');
            if (n == null || !isPlainName(n)) {
                i = start;
                return null;
            }
            names.add(n);
            spaces();
        } while (take(","));
        if (!take("]") || names.size() < 2) {
            i = start;
            return null;
        }
        return names;
    }

    /** Text between two {@code delimiter}s, without backslashes; {@code null} if it is not there. */
    String between(char delimiter) {
        if (i >= s.length() || s.charAt(i) != delimiter) {
            return null;
        }
        int close = s.indexOf(delimiter, i + 1);
        if (close < 0) {
            return null;
        }
        String text = s.substring(i + 1, close);
        if (text.indexOf('\\') >= 0) {
            return null;
        }
        i = close + 1;
        return text;
    }

    /** Whether {@code name} is non-empty and only letters, digits, {@code _} and {@code -}. */
    static boolean isPlainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (!plain(name.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
