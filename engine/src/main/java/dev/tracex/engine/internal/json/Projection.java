package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an event a compiled rule can read, as a tree of field names and array indices; used to
 * read raw JSON into a pruned tree that holds only those parts. Everything else is streamed past by
 * the parser without building nodes or decoding strings, which is where most of {@code readTree}'s time
 * and allocation goes on large events (a 256 KB SQS body the rules never look at).
 *
 * <p>Every path a rule reads resolves to the same value in the pruned tree as in the full one: a kept
 * value is kept whole (scalars, and subtrees marked whole, such as anything a step or a JS rule consumes);
 * skipped array elements become {@code null} so indices keep their meaning. Marks below a value that is text
 * in the event are what rules read of the JSON document it holds (paths read into embedded JSON): that
 * document is decoded pruned the same way ({@link EmbeddedText}), once, when first read. Built once at
 * compile time, read-only afterwards. Internal: may change without notice.
 */
public final class Projection {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private boolean whole;
    private final Map<String, Projection> fields = new HashMap<>();
    private final Map<Integer, Projection> indices = new HashMap<>();
    private Projection anyChild;
    /** Every field named as a propagation header is kept whole ({@link #keepHeaders()}). */
    private boolean headers;
    /** An array here is read element by element with this projection: a filter's items ({@link #keepFilterItems()}). */
    private boolean filterItems;
    /** What is read of what a decoding step ({@code base64}, {@code gzip}, {@code json}) makes of the value here. */
    private Map<String, Projection> decoded;

    /** The projection of a rule: what its paths reach. */
    public static Projection of(Projectable rule) {
        Projection root = new Projection();
        rule.project(root);
        root.fold();
        return root;
    }

    /**
     * Folds what every child reads ({@code [*]}) into each named field and index, so that a value reached
     * both ways ({@code $.Records[0].eventSource} and {@code each: $.Records[*]}) is read by the union.
     */
    private void fold() {
        if (decoded != null) {
            for (Projection p : decoded.values()) {
                p.fold();
            }
            Projection json = decoded.get("json");
            if (json != null) {
                add(json); // the json step passes an object or array through: then its reads are of this value itself
            }
        }
        if (filterItems && !(indices.isEmpty() && anyChild == null)) {
            // An element read by index or wildcard may also be a filter's item: it keeps what the filter reads too.
            Projection item = new Projection();
            item.whole = whole;
            item.headers = headers;
            for (Map.Entry<String, Projection> f : fields.entrySet()) {
                item.field(f.getKey()).add(f.getValue());
            }
            for (Projection p : indices.values()) {
                p.add(item);
            }
            if (anyChild != null) {
                anyChild.add(item);
            }
        }
        if (anyChild != null) {
            anyChild.fold();
            for (Projection p : fields.values()) {
                p.add(anyChild);
            }
            for (Projection p : indices.values()) {
                p.add(anyChild);
            }
        }
        for (Projection p : fields.values()) {
            p.fold();
        }
        for (Projection p : indices.values()) {
            p.fold();
        }
    }

    /** Adds every mark of {@code other} to this projection (copying, never sharing, its children). */
    private void add(Projection other) {
        whole |= other.whole;
        headers |= other.headers;
        filterItems |= other.filterItems;
        if (other.decoded != null) {
            for (Map.Entry<String, Projection> d : other.decoded.entrySet()) {
                decoded(d.getKey()).add(d.getValue());
            }
        }
        for (Map.Entry<String, Projection> f : other.fields.entrySet()) {
            field(f.getKey()).add(f.getValue());
        }
        for (Map.Entry<Integer, Projection> e : other.indices.entrySet()) {
            element(e.getKey()).add(e.getValue());
        }
        if (other.anyChild != null) {
            anyChild().add(other.anyChild);
        }
    }

    /** True when the whole document is needed (a JS rule, a deep scan, a filter reading the root). */
    public boolean isWhole() {
        return whole;
    }

    /** True when nothing of the event is read (e.g. only {@code from: context} rules). */
    public boolean isEmpty() {
        return !whole && fields.isEmpty() && indices.isEmpty() && anyChild == null && !headers && !filterItems && decoded == null;
    }

    /**
     * The projection of what the decoding step {@code step} makes of the value here (its bytes, its document),
     * created if needed: {@code $.kinesis.data | base64 | json | $._datadog} reads {@code _datadog} of the document
     * in the data. Read by {@link ProjectedDecoding}.
     */
    public Projection decoded(String step) {
        if (decoded == null) {
            decoded = new HashMap<>(2);
        }
        return child(decoded, step);
    }

    /** {@link #decoded(String)}'s projection if any rule reads through that step here, else {@code null}. */
    Projection decodedOrNull(String step) {
        return decoded == null ? null : decoded.get(step);
    }

    /** Keeps everything below this point. */
    public void keepWhole() {
        whole = true;
    }

    /**
     * Keeps, whole, every field whose name is a propagation header's in any letter case ({@link HeaderNames}):
     * what a {@code headers:} rule reads of its carrier.
     */
    public void keepHeaders() {
        headers = true;
    }

    /**
     * Reads an array met here element by element with this very projection: a filter ({@code [?(...)]}) tests the
     * value itself when it is an object and each of its elements when it is an array.
     */
    void keepFilterItems() {
        filterItems = true;
    }

    /** The projection below field {@code name}, created if needed. */
    Projection field(String name) {
        return child(fields, name);
    }

    /** The projection below array element {@code index} (negative: any element), created if needed. */
    Projection element(int index) {
        if (index < 0) {
            return anyChild();
        }
        return child(indices, index);
    }

    /**
     * {@code children}'s projection at {@code key}, created if needed. Not {@code computeIfAbsent} (nor {@code forEach} in
     * {@link #fold()} and {@link #add}): a rule's projection is built at cold start, where the JVM spins a class for each
     * lambda.
     */
    private static <K> Projection child(Map<K, Projection> children, K key) {
        Projection p = children.get(key);
        if (p == null) {
            p = new Projection();
            children.put(key, p);
        }
        return p;
    }

    /** The projection applied to every array element and every field not named otherwise, created if needed. */
    Projection anyChild() {
        if (anyChild == null) {
            anyChild = new Projection();
        }
        return anyChild;
    }

    /** Follows the segments of a definite path ({@code null} name = index) and returns the projection there. */
    Projection at(List<DefinitePath.Segment> segments) {
        Projection p = this;
        for (DefinitePath.Segment s : segments) {
            p = s.name() != null ? p.field(s.name()) : p.element(s.index());
        }
        return p;
    }

    /**
     * Reads the value at the reader's current token (which must be set) into a tree pruned to this projection. Text
     * where something is read below it (an SQS body, an SNS message, which paths read into as embedded JSON) becomes
     * an {@link EmbeddedText} that decodes, when first asked, only what this projection reads of it.
     */
    public JsonNode read(JsonReader reader) throws IOException {
        JsonReader.Token t = reader.currentToken();
        if (t == JsonReader.Token.STRING && !whole && !isEmpty()) {
            byte[] ascii = reader.asciiText();
            return ascii != null ? new EmbeddedText(ascii, this) : new EmbeddedText(reader.text(), this);
        }
        if (whole || (t != JsonReader.Token.START_OBJECT && t != JsonReader.Token.START_ARRAY)) {
            return Json.readValue(reader, t);
        }
        if (t == JsonReader.Token.START_OBJECT) {
            ObjectNode o = F.objectNode();
            for (String name = reader.nextFieldName(); name != null; name = reader.nextFieldName()) {
                Projection child = fields.get(name);
                if (child == null) {
                    child = anyChild;
                }
                reader.nextToken();
                if (child != null) {
                    o.set(name, child.read(reader));
                } else if (headers && HeaderNames.isHeader(name)) {
                    o.set(name, Json.readValue(reader, reader.currentToken()));
                } else {
                    reader.skipChildren();
                }
            }
            return o;
        }
        ArrayNode a = F.arrayNode();
        int i = 0;
        for (JsonReader.Token e = reader.nextToken(); e != JsonReader.Token.END_ARRAY; e = reader.nextToken(), i++) {
            Projection child = indices.get(i);
            if (child == null) {
                child = anyChild != null ? anyChild : filterItems ? this : null;
            }
            if (child == null) {
                reader.skipChildren();
                a.addNull();
            } else {
                a.add(child.read(reader));
            }
        }
        return a;
    }

    @Override
    public String toString() {
        if (whole) {
            return "*";
        }
        StringBuilder b = new StringBuilder(headers ? "{headers" : "{");
        if (filterItems) {
            b.append(b.length() > 1 ? ", " : "").append("[?]");
        }
        if (decoded != null) {
            decoded.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('|').append(k).append(": ").append(v));
        }
        fields.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(v));
        indices.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append('[').append(k).append("]: ").append(v));
        if (anyChild != null) {
            b.append(b.length() > 1 ? ", " : "").append("[*]: ").append(anyChild);
        }
        return b.append('}').toString();
    }
}
