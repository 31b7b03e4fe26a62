package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The filter expressions rules write, evaluated on one object as Jayway evaluates them: tests of the item's
 * fields joined by {@code &&} and {@code ||} (no parentheses; {@code &&} binds tighter, both short-circuit left
 * to right, as Jayway's), each test one of
 * <ul>
 * <li>{@code @.name} or {@code @['name']}: the field exists (a JSON {@code null} counts);</li>
 * <li>{@code @.name == 'text'}, {@code != 'text'}: compared with a single-quoted text;</li>
 * <li>{@code @.name =~ /regex/} (or {@code /i}): the whole value matches.</li>
 * </ul>
 * A missing or {@code null} field compares as Jayway compares it (never equal; {@code =~} tests the empty text).
 * A field of any other type than text (a number compared with text, an array, an object) is where Jayway's
 * conversions begin: {@link #test} answers {@code null} there and the caller asks Jayway.
 */
final class PathFilter {
    /** One test of a field. */
    private record Test(String field, Op op, String literal, Pattern pattern) {
        Boolean on(JsonNode item) {
            JsonNode v = item.get(field);
            if (op == Op.EXISTS) {
                return v != null;
            }
            String text;
            if (v == null || v.isNull()) {
                text = null;
            } else if (v.isTextual()) {
                text = v.textValue();
            } else {
                return null;
            }
            switch (op) {
                case EQ:
                    return text != null && text.equals(literal);
                case NE:
                    return text == null || !text.equals(literal);
                default:
                    return pattern.matcher(text == null ? "" : text).matches();
            }
        }
    }

    private enum Op { EXISTS, EQ, NE, MATCHES }

    /** Alternatives ({@code ||}), each a conjunction ({@code &&}) of tests. */
    private final Test[][] alternatives;

    private PathFilter(Test[][] alternatives) {
        this.alternatives = alternatives;
    }

    /** The filter at the cursor, up to (not including) its closing {@code )]}, or {@code null} if it has another shape. */
    static PathFilter parse(PathCursor c) {
        List<Test[]> alternatives = new ArrayList<>();
        do {
            List<Test> all = new ArrayList<>();
            do {
                c.spaces();
                Test t = test(c);
                if (t == null) {
                    return null;
                }
                all.add(t);
                c.spaces();
            } while (c.take("&&"));
            alternatives.add(all.toArray(new Test[0]));
        } while (c.take("||"));
        return new PathFilter(alternatives.toArray(new Test[0][]));
    }

    private static Test test(PathCursor c) {
        String field = c.itemField();
        if (field == null) {
            return null;
        }
        c.spaces();
        if (c.at(")]") || c.at("&&") || c.at("||")) {
            return new Test(field, Op.EXISTS, null, null);
        }
        Op op = c.take("==") ? Op.EQ : c.take("!=") ? Op.NE : c.take("=~") ? Op.MATCHES : null;
        if (op == null) {
            return null;
        }
        c.spaces();
        if (op != Op.MATCHES) {
            String literal = c.between('\'');
            return literal == null ? null : new Test(field, op, literal, null);
        }
        String re = c.between('/');
        if (re == null) {
            return null;
        }
        boolean ignoreCase = c.take("i");
        try {
            return new Test(field, op, null, Pattern.compile(re, ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (RuntimeException e) {
            return null; // Jayway's to judge (and to refuse)
        }
    }

    /** The fields the filter tests, each once. */
    java.util.Set<String> fields() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Test[] all : alternatives) {
            for (Test t : all) {
                out.add(t.field());
            }
        }
        return out;
    }

    /** Whether the filter keeps {@code item}, an object; {@code null} when the answer is Jayway's to give. */
    Boolean test(JsonNode item) {
        for (Test[] all : alternatives) {
            Boolean kept = Boolean.TRUE;
            for (Test t : all) {
                Boolean r = t.on(item);
                if (r == null) {
                    return null;
                }
                if (!r) {
                    kept = Boolean.FALSE;
                    break;
                }
            }
            if (kept) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }
}
