package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The non-definite path shapes rules use, evaluated directly over Jackson's tree, and by Jayway only for
 * documents outside what is plain here. After a prefix of names and indices ({@code $.Records[0]}), one of:
 * <ul>
 * <li>wildcards: {@code $.Records[*]}, {@code $.detail.*}, {@code $.records.*.*};</li>
 * <li>a union of names: {@code $.Records[0]['eventSource','EventSource']} (an object of those present);</li>
 * <li>a {@link PathFilter} on the value (an object, or each object of an array), then names:
 * {@code $.messageAttributes._datadog[?(@.dataType =~ /^String.*&#47;)]},
 * {@code $[?(@['detail-type'] && @.source != 'aws.events')]}, {@code $[?(@.Type == 'String')].Value}.</li>
 * </ul>
 * Names are plain (letters, digits, {@code _}, {@code -}). "Plain" is every case but a filter's field of
 * another type than text, a filter over an array holding anything but objects, and a filter or union over a JSON
 * {@code null}; there this asks Jayway, compiled on
 * that first need, so the answers are Jayway's in every case ({@code SimplePathTest} compares them on fixed and
 * random documents). Why: evaluating Jayway's first filter at a rule's first miss loaded Jayway, its json-smart
 * provider, Jackson's {@code ObjectMapper} and some 800 classes (300 ms under C1), and a filter evaluated per
 * SQS record was most of {@code builtin.sqs}'s distance from hand-written code. Internal: may change without notice.
 */
final class SimplePath implements JsonAccessor {
    /** What a walk answers where the answer is Jayway's to give. */
    private static final JsonNode NOT_PLAIN = Json.object();

    private final String expression;
    /** Names ({@code String}) and indices ({@code Integer}) from the root. */
    private final Object[] prefix;
    /** How many wildcards follow the prefix (0 for a union or a filter). */
    private final int wildcards;
    /** The union's names, or {@code null}. */
    private final String[] union;
    /** The filter, or {@code null}. */
    private final PathFilter filter;
    /** Names after the filter. */
    private final String[] suffix;
    private volatile JaywayPath jayway;

    private SimplePath(String expression, Object[] prefix, int wildcards, String[] union, PathFilter filter, String[] suffix) {
        this.expression = expression;
        this.prefix = prefix;
        this.wildcards = wildcards;
        this.union = union;
        this.filter = filter;
        this.suffix = suffix;
    }

    /** The path if it has one of the shapes, else {@code null} (then it is definite, or Jayway compiles it). */
    static SimplePath parse(String expr) {
        PathCursor c = new PathCursor(expr);
        if (!c.take("$")) {
            return null;
        }
        List<Object> prefix = c.steps();
        if (prefix == null) {
            return null;
        }
        Object[] steps = prefix.toArray();
        int wildcards = 0;
        while (c.take("[*]") || c.take(".*")) {
            wildcards++;
        }
        if (wildcards > 0) {
            return c.atEnd() ? new SimplePath(expr, steps, wildcards, null, null, new String[0]) : null;
        }
        List<String> union = c.union();
        if (union != null) {
            return c.atEnd() ? new SimplePath(expr, steps, 0, union.toArray(new String[0]), null, new String[0]) : null;
        }
        if (!c.take("[?(")) {
            return null;
        }
        PathFilter filter = PathFilter.parse(c);
        if (filter == null || !c.take(")]")) {
            return null;
        }
        List<Object> suffix = c.steps();
        if (suffix == null || !c.atEnd()) {
            return null;
        }
        for (Object step : suffix) {
            if (!(step instanceof String)) {
                return null; // an index after a filter: Jayway's
            }
        }
        return new SimplePath(expr, steps, 0, null, filter, suffix.toArray(new String[0]));
    }

    @Override
    public JsonNode read(JsonNode root) {
        List<JsonNode> all = evaluate(root, true);
        if (all == null) {
            return jayway().read(root);
        }
        return all.isEmpty() ? null : all.get(0);
    }

    @Override
    public List<JsonNode> readAll(JsonNode root) {
        List<JsonNode> all = evaluate(root, false);
        return all == null ? jayway().readAll(root) : all;
    }

    /** The matches in document order (only the first when {@code first}), or {@code null} where Jayway answers. */
    private List<JsonNode> evaluate(JsonNode root, boolean first) {
        JsonNode target = root;
        for (Object step : prefix) {
            target = step instanceof String ? (target.isObject() ? target.get((String) step) : null)
                    : (target.isArray() ? target.get((Integer) step) : null);
            if (target == null) {
                return List.of();
            }
        }
        if (wildcards > 0) {
            List<JsonNode> level = List.of(target);
            for (int w = 0; w < wildcards; w++) {
                List<JsonNode> next = new ArrayList<>();
                for (JsonNode n : level) {
                    if (n.isObject() || n.isArray()) {
                        n.elements().forEachRemaining(next::add);
                    }
                }
                level = next;
            }
            return first && level.size() > 1 ? level.subList(0, 1) : level;
        }
        if (target.isNull()) {
            return null;
        }
        if (union != null) {
            return target.isObject() ? List.of(union(target)) : List.of();
        }
        if (target.isObject()) {
            Boolean kept = filter.test(target);
            if (kept == null) {
                return null;
            }
            JsonNode v = kept ? walk(target, suffix) : null;
            return v == NOT_PLAIN ? null : v == null ? List.of() : List.of(v);
        }
        if (!target.isArray()) {
            return List.of(); // a filter on text or a number finds nothing (Jayway fails, JaywayPath answers nothing)
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : target) {
            if (!item.isObject()) {
                return null;
            }
            Boolean kept = filter.test(item);
            if (kept == null) {
                return null;
            }
            JsonNode v = kept ? walk(item, suffix) : null;
            if (v == NOT_PLAIN) {
                return null;
            }
            if (v != null) {
                out.add(v);
                if (first) {
                    break;
                }
            }
        }
        return out;
    }

    /** Jayway's answer to a union on an object: a new object of the named fields present, in the union's order. */
    private JsonNode union(JsonNode target) {
        com.fasterxml.jackson.databind.node.ObjectNode o = Json.object();
        for (String name : union) {
            JsonNode v = target.get(name);
            if (v != null) {
                o.set(name, v);
            }
        }
        return o;
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

    /**
     * A filter marks the fields it tests at its target, read in each item when the target is an array, then its
     * names; the other shapes are marked from the text ({@link PathProjection}).
     */
    @Override
    public Projection project(Projection root) {
        if (filter == null) {
            return PathProjection.of(expression, root);
        }
        Projection at = root;
        for (Object step : prefix) {
            at = step instanceof String ? at.field((String) step) : at.element((Integer) step);
        }
        at.keepFilterItems();
        for (String field : filter.fields()) {
            at.field(field).keepWhole();
        }
        for (String name : suffix) {
            at = at.field(name);
        }
        return at;
    }

    @Override
    public boolean isDefinite() {
        return false;
    }

    @Override
    public String toString() {
        return expression;
    }
}
