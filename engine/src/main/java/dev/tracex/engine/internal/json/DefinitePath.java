package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A JSONPath of names and indices only ({@code $.Records[0].body}, {@code $['x-y']}, {@code $.a[-1]}),
 * walked directly over Jackson's tree without Jayway. The keys are resolved at compile time; per call
 * this is a loop of {@code get}s. A string met where the walk needs an object or array is decoded as
 * embedded JSON (an SQS body, an SNS message), so paths can reach into it.
 */
final class DefinitePath implements JsonAccessor {
    /** One step: a field name, or an array index when {@code name} is null (negative counts from the end). */
    record Segment(String name, int index) {
        static Segment field(String name) {
            return new Segment(name, 0);
        }

        static Segment index(int index) {
            return new Segment(null, index);
        }
    }

    private final String expression;
    private final String[] names;
    private final int[] indices;

    DefinitePath(String expression, List<Segment> segments) {
        this.expression = expression;
        this.names = new String[segments.size()];
        this.indices = new int[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            names[i] = segments.get(i).name();
            indices[i] = segments.get(i).index();
        }
    }

    @Override
    public JsonNode read(JsonNode root) {
        JsonNode node = root;
        for (int i = 0; i < names.length && node != null; i++) {
            if (node.isTextual()) {
                node = DecodedDocuments.embedded(node);
                if (node == null) {
                    return null;
                }
            }
            String name = names[i];
            if (name != null) {
                node = node.isObject() ? node.get(name) : null;
            } else if (node.isArray()) {
                int idx = indices[i] < 0 ? node.size() + indices[i] : indices[i];
                node = idx >= 0 ? node.get(idx) : null;
            } else {
                node = null;
            }
        }
        return node;
    }

    @Override
    public List<JsonNode> readAll(JsonNode root) {
        JsonNode v = read(root);
        return v == null ? List.of() : List.of(v);
    }

    @Override
    public Projection project(Projection root) {
        Projection p = root;
        for (int i = 0; i < names.length; i++) {
            p = names[i] != null ? p.field(names[i]) : p.element(indices[i]);
        }
        return p;
    }

    @Override
    public boolean isDefinite() {
        return true;
    }

    /** The steps of this path: a name, or {@code null} for an index. */
    String[] names() {
        return names.clone();
    }

    @Override
    public String toString() {
        return expression;
    }
}
