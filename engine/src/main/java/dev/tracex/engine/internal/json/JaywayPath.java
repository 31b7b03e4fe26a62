package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * A JSONPath with wildcards, filters, slices, unions or deep scan: a Jayway {@link JsonPath} compiled
 * once and read over Jackson's tree with Jayway's Jackson provider, so the event is never converted.
 *
 * <p>The value is the first match in document order. Jayway yields wildcard, slice and filter matches in
 * that order, but a deep scan ({@code ..}) lists a level's own matches before its children's, so for
 * deep scans the matches are read as paths and ordered by their position in the document.
 */
final class JaywayPath implements JsonAccessor {
    /** Made on the first read, not at compile time: they need the mapper, which a function may never use. */
    private static final class Configurations {
        static final Configuration VALUES = configuration(Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST);
        static final Configuration PATHS = configuration(Option.SUPPRESS_EXCEPTIONS, Option.AS_PATH_LIST);
    }

    private final String expression;
    private final JsonPath path;
    private final boolean deepScan;

    /** Jayway's compilation of {@code expr}, with Jayway's reason when it refuses it. */
    static JaywayPath compile(String expr) throws PathCompiler.PathSyntaxException {
        try {
            return new JaywayPath(expr, JsonPath.compile(expr));
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new PathCompiler.PathSyntaxException(e.getMessage() == null ? "invalid path" : e.getMessage());
        } catch (StackOverflowError e) {
            throw new PathCompiler.PathSyntaxException("too deeply nested"); // a backstop: MAX_LENGTH keeps real stacks clear of it
        }
    }

    JaywayPath(String expression, JsonPath path) {
        this.expression = expression;
        this.path = path;
        this.deepScan = expression.contains("..");
    }

    private static Configuration configuration(Option... options) {
        return Configuration.builder()
                .jsonProvider(new JaywayJacksonProvider(Json.mapper()))
                .mappingProvider(new JacksonMappingProvider(Json.mapper()))
                .options(options)
                .build();
    }

    @Override
    public JsonNode read(JsonNode root) {
        if (deepScan) {
            List<Located> found = locate(root);
            return found.isEmpty() ? null : found.get(0).node;
        }
        Object result = evaluate(root, Configurations.VALUES);
        if (result instanceof JsonNode) {
            JsonNode list = (JsonNode) result;
            if (list.isArray()) {
                return list.size() == 0 ? null : list.get(0);
            }
            return list.isMissingNode() ? null : list;
        }
        // Path functions such as length() answer with plain Java values.
        return result == null ? null : Json.mapper().valueToTree(result);
    }

    @Override
    public List<JsonNode> readAll(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        if (deepScan) {
            locate(root).forEach(l -> out.add(l.node));
            return out;
        }
        Object result = evaluate(root, Configurations.VALUES);
        if (result instanceof JsonNode && ((JsonNode) result).isArray()) {
            ((JsonNode) result).forEach(out::add);
            return out;
        }
        JsonNode one = read(root);
        return one == null ? List.of() : List.of(one);
    }

    /** A match and its position: the index of each step's field or element, from the root down. */
    private record Located(JsonNode node, int[] position) {
    }

    private static final Comparator<Located> DOCUMENT_ORDER = (a, b) -> {
        int n = Math.min(a.position.length, b.position.length);
        for (int i = 0; i < n; i++) {
            if (a.position[i] != b.position[i]) {
                return Integer.compare(a.position[i], b.position[i]);
            }
        }
        return Integer.compare(a.position.length, b.position.length); // an ancestor comes first
    };

    /**
     * Jayway's answer, or {@code null} where it throws despite {@code SUPPRESS_EXCEPTIONS} (a filter met on
     * a primitive, e.g. {@code $.Records[0][?(...)]} when the record is a string): a path that does not
     * apply to an event finds nothing, and must not abort a {@code first:} chain.
     */
    private Object evaluate(JsonNode root, Configuration configuration) {
        try {
            return path.read(root, configuration);
        } catch (com.jayway.jsonpath.JsonPathException e) {
            return null;
        }
    }

    private List<Located> locate(JsonNode root) {
        Object result = evaluate(root, Configurations.PATHS);
        List<Located> found = new ArrayList<>();
        if (result instanceof JsonNode) {
            for (JsonNode p : (JsonNode) result) {
                Located l = walk(root, p.asText());
                if (l != null) {
                    found.add(l);
                }
            }
        }
        found.sort(DOCUMENT_ORDER);
        return found;
    }

    /** Follows a normalized path ({@code $['a'][0]['b']}, as Jayway prints it) and records each step's position. */
    private static Located walk(JsonNode root, String normalized) {
        List<Integer> position = new ArrayList<>();
        JsonNode node = root;
        int i = 1;
        int n = normalized.length();
        while (i < n && node != null) {
            if (normalized.charAt(i) != '[' || i + 1 >= n) {
                return null;
            }
            if (normalized.charAt(i + 1) == '\'') {
                StringBuilder name = new StringBuilder();
                int j = i + 2;
                while (j < n && normalized.charAt(j) != '\'') {
                    char c = normalized.charAt(j);
                    if (c == '\\' && j + 1 < n) {
                        c = normalized.charAt(++j);
                    }
                    name.append(c);
                    j++;
                }
                int index = fieldIndex(node, name.toString());
                if (index < 0) {
                    return null;
                }
                position.add(index);
                node = node.get(name.toString());
                i = j + 2; // past ' and ]
            } else {
                int close = normalized.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                int index = Integer.parseInt(normalized.substring(i + 1, close));
                position.add(index);
                node = node.get(index);
                i = close + 1;
            }
        }
        if (node == null) {
            return null;
        }
        int[] p = new int[position.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = position.get(k);
        }
        return new Located(node, p);
    }

    private static int fieldIndex(JsonNode object, String name) {
        int index = 0;
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); index++) {
            if (it.next().equals(name)) {
                return index;
            }
        }
        return -1;
    }

    @Override
    public Projection project(Projection root) {
        return PathProjection.of(expression, root);
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
