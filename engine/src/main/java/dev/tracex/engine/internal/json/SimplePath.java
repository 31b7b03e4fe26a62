package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The two non-definite path shapes rules use most, evaluated directly over Jackson's tree where the answer is
 * plain, and by Jayway everywhere else:
 * <ul>
 * <li>a filter on one field of an object: {@code $.messageAttributes._datadog[?(@.dataType =~ /^String.*&#47;)]},
 * {@code $[?(@.eventSource == 'aws:sqs')]}, {@code $[?(@.Type == 'String')].Value} ({@code ==} or {@code !=} a
 * quoted text, or {@code =~} a regular expression, optionally {@code /i});</li>
 * <li>a trailing wildcard: {@code $.Records[*]}, {@code $.detail.*}.</li>
 * </ul>
 * Names only before and after. "Plain" is an object whose field is text (the filter), an array or an object
 * (the wildcard), or nothing at all; for anything else (a filtered array, a number compared with text, a
 * string where an object was expected) this asks Jayway, compiled on that first need, so the answers are
 * Jayway's in every case ({@code SimplePathTest} compares them). Why: Jayway's first compiled filter cost
 * 10 ms and 70 classes at cold start, and a filter evaluated per SQS record was most of {@code builtin.sqs}'s
 * distance from hand-written code under C1. Internal: may change without notice.
 */
final class SimplePath implements JsonAccessor {
    private enum Op { EQ, NE, MATCHES }

    /** What {@link #walk} answers when it meets something other than an object or nothing: Jayway's case. */
    private static final JsonNode NOT_PLAIN = Json.object();

    private final String expression;
    private final String[] prefix;
    /** The filtered field, or {@code null} for a wildcard. */
    private final String field;
    private final Op op;
    private final String literal;
    private final Pattern pattern;
    private final String[] suffix;
    private volatile JaywayPath jayway;

    private SimplePath(String expression, String[] prefix, String field, Op op, String literal, Pattern pattern, String[] suffix) {
        this.expression = expression;
        this.prefix = prefix;
        this.field = field;
        this.op = op;
        this.literal = literal;
        this.pattern = pattern;
        this.suffix = suffix;
    }

    /** The path if it has one of the two shapes, else {@code null} (then Jayway compiles it as usual). */
    static SimplePath parse(String expr) {
        Cursor c = new Cursor(expr);
        if (!c.take("$")) {
            return null;
        }
        List<String> prefix = c.names();
        if (prefix == null) {
            return null;
        }
        if (c.take("[*]") || c.take(".*")) {
            return c.atEnd() ? new SimplePath(expr, prefix.toArray(new String[0]), null, null, null, null, new String[0]) : null;
        }
        if (!c.take("[?(@")) {
            return null;
        }
        String field = c.take(".") ? c.name() : c.take("['") ? c.quotedRest() : null;
        if (field == null) {
            return null;
        }
        c.spaces();
        Op op = c.take("==") ? Op.EQ : c.take("!=") ? Op.NE : c.take("=~") ? Op.MATCHES : null;
        if (op == null) {
            return null;
        }
        c.spaces();
        String literal = null;
        Pattern pattern = null;
        if (op == Op.MATCHES) {
            String re = c.between('/');
            if (re == null) {
                return null;
            }
            boolean ignoreCase = c.take("i");
            try {
                pattern = Pattern.compile(re, ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
            } catch (RuntimeException e) {
                return null;
            }
        } else {
            literal = c.between('\'');
            if (literal == null) {
                return null;
            }
        }
        c.spaces();
        if (!c.take(")]")) {
            return null;
        }
        List<String> suffix = c.names();
        if (suffix == null || !c.atEnd()) {
            return null;
        }
        return new SimplePath(expr, prefix.toArray(new String[0]), field, op, literal, pattern, suffix.toArray(new String[0]));
    }

    /** Whether {@code name} is non-empty and only letters, digits, {@code _} and {@code -}. */
    static boolean isPlainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Cursor.plain(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public JsonNode read(JsonNode root) {
        JsonNode target = walk(root, prefix);
        if (target == null) {
            return null;
        }
        if (target != NOT_PLAIN) {
            if (field == null) {
                if (target.isArray() || target.isObject()) {
                    return target.size() == 0 ? null : target.elements().next();
                }
            } else {
                Boolean matched = matches(target);
                if (matched != null) {
                    JsonNode v = matched ? walk(target, suffix) : null;
                    if (v != NOT_PLAIN) {
                        return v;
                    }
                }
            }
        }
        return jayway().read(root);
    }

    @Override
    public List<JsonNode> readAll(JsonNode root) {
        JsonNode target = walk(root, prefix);
        if (target == null) {
            return List.of();
        }
        if (target != NOT_PLAIN) {
            if (field == null) {
                if (target.isArray() || target.isObject()) {
                    List<JsonNode> out = new ArrayList<>(target.size());
                    for (Iterator<JsonNode> it = target.elements(); it.hasNext(); ) {
                        out.add(it.next());
                    }
                    return out;
                }
            } else {
                Boolean matched = matches(target);
                if (matched != null) {
                    JsonNode v = matched ? walk(target, suffix) : null;
                    if (v != NOT_PLAIN) {
                        return v == null ? List.of() : List.of(v);
                    }
                }
            }
        }
        return jayway().readAll(root);
    }

    /** Whether the filter keeps {@code target}; {@code null} when the answer is Jayway's to give. */
    private Boolean matches(JsonNode target) {
        if (!target.isObject()) {
            return null;
        }
        JsonNode v = target.get(field);
        if (v == null || !v.isTextual()) {
            return null;
        }
        String text = v.textValue();
        switch (op) {
            case EQ:
                return text.equals(literal);
            case NE:
                return !text.equals(literal);
            default:
                return pattern.matcher(text).matches();
        }
    }

    /**
     * Field names followed from {@code node} over objects only (no embedded JSON decoded, as Jayway reads
     * Jackson's tree): the value, {@code null} when a field is missing, {@link #NOT_PLAIN} when a step meets
     * anything but an object.
     */
    private static JsonNode walk(JsonNode node, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (!node.isObject()) {
                return NOT_PLAIN;
            }
            node = node.get(names[i]);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private JaywayPath jayway() {
        JaywayPath j = jayway;
        if (j == null) {
            j = PathCompiler.jayway(expression);
            jayway = j;
        }
        return j;
    }

    @Override
    public Projection project(Projection root) {
        return JaywayPath.project(expression, root);
    }

    @Override
    public boolean isDefinite() {
        return false;
    }

    @Override
    public String toString() {
        return expression;
    }

    /** A left-to-right reader of the path text. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean take(String token) {
            if (s.startsWith(token, i)) {
                i += token.length();
                return true;
            }
            return false;
        }

        boolean atEnd() {
            return i == s.length();
        }

        void spaces() {
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
        }

        /** {@code .name} steps, as many as there are (none is fine); {@code null} at a step that is not a plain name. */
        List<String> names() {
            List<String> out = new ArrayList<>();
            while (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && s.charAt(i + 1) != '*' && s.charAt(i + 1) != '.') {
                i++;
                String n = name();
                if (n == null) {
                    return null;
                }
                out.add(n);
            }
            return out;
        }

        /** A plain name: letters, digits, {@code _} and {@code -} (a subset of what Jayway reads as one). */
        String name() {
            int start = i;
            while (i < s.length() && plain(s.charAt(i))) {
                i++;
            }
            return i == start ? null : s.substring(start, i);
        }

        /** The rest of {@code ['name']} after its opening: a plain name, then {@code ']}. */
        String quotedRest() {
            int close = s.indexOf("']", i);
            if (close < 0) {
                return null;
            }
            String n = s.substring(i, close);
            if (!isPlainName(n)) {
                return null;
            }
            i = close + 2;
            return n;
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

        private static boolean plain(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }
    }
}
