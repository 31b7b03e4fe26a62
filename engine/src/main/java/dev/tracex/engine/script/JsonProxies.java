package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson trees seen from JS without copying them: an object node is a {@link ProxyObject}, an array
 * node a {@link ProxyArray}, scalars JS strings, numbers, booleans and {@code null}. Only what the
 * script reads is converted, so an extractor reading one header of a large batch event pays for that
 * header alone.
 *
 * <p>They behave like the result of {@code JSON.parse}: reading the same member twice gives the same
 * object, numbers are doubles (integers beyond 2^53 lose precision, as in Node), and objects may be
 * written to (writes go to an overlay, never to the Jackson tree, which other rules may read next).
 * Arrays are read-only. A proxy is used by one call on one thread.
 */
final class JsonProxies {
    private static final double MAX_SAFE_INTEGER = 9007199254740991d;

    private JsonProxies() {
    }

    /** The JS view of {@code node}: a proxy for containers, a boxed scalar, or {@code null}. */
    static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return new JsonObjectProxy(node);
        }
        if (node.isArray()) {
            return new JsonArrayProxy(node);
        }
        return scalar(node);
    }

    /** A deep copy of {@code node} as {@link ProxyObject#fromMap} maps and lists. */
    static Object converted(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), converted(e.getValue()));
            }
            return ProxyObject.fromMap(map);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(converted(item));
            }
            return new ListProxy(list);
        }
        return scalar(node);
    }

    private static Object scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isNumber()) {
            double d = node.doubleValue();
            // Integers that are exact in a double stay integers (JS sees 42, not 42.0); like Node, others round.
            if (node.isIntegralNumber() && Math.abs(d) <= MAX_SAFE_INTEGER) {
                return node.longValue();
            }
            return d;
        }
        return node.asText(); // binary (base64) and POJO nodes, which parsed events never hold
    }

    /** The event's own object behind a proxy the script returned unchanged, or {@code null}. */
    static JsonNode unwrap(Value v) {
        if (v.isProxyObject()) {
            Object p = v.asProxyObject();
            if (p instanceof JsonObjectProxy && ((JsonObjectProxy) p).written == null) {
                return ((JsonObjectProxy) p).node;
            }
        }
        return null;
    }

    private static Object member(JsonNode node, Map<JsonNode, Object> cache) {
        if (node.isContainerNode()) {
            // The same child proxy every time, so `p.a === p.a` and writes into p.a are seen again.
            return cache.computeIfAbsent(node, JsonProxies::of);
        }
        return scalar(node);
    }

    /** Overlay marker for a deleted member. */
    private static final Object DELETED = new Object();

    private static final class JsonObjectProxy implements ProxyObject {
        private final JsonNode node;
        private Map<JsonNode, Object> children;
        private Map<String, Object> written;

        JsonObjectProxy(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object getMember(String key) {
            if (written != null && written.containsKey(key)) {
                Object v = written.get(key);
                return v == DELETED ? null : v;
            }
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                return null;
            }
            if (children == null) {
                children = new IdentityHashMap<>();
            }
            return member(v, children);
        }

        @Override
        public Object getMemberKeys() {
            List<String> keys = new ArrayList<>(node.size());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (written == null || written.get(k) != DELETED) {
                    keys.add(k);
                }
            }
            if (written != null) {
                for (Map.Entry<String, Object> e : written.entrySet()) {
                    if (e.getValue() != DELETED && !node.has(e.getKey())) {
                        keys.add(e.getKey());
                    }
                }
            }
            return ProxyArray.fromList(new ArrayList<>(keys));
        }

        @Override
        public boolean hasMember(String key) {
            if (written != null && written.containsKey(key)) {
                return written.get(key) != DELETED;
            }
            return node.has(key);
        }

        @Override
        public void putMember(String key, Value value) {
            if (written == null) {
                written = new LinkedHashMap<>();
            }
            written.put(key, value);
        }

        @Override
        public boolean removeMember(String key) {
            boolean had = hasMember(key);
            if (written == null) {
                written = new LinkedHashMap<>();
            }
            written.put(key, DELETED);
            return had;
        }
    }

    private static final class JsonArrayProxy implements ProxyArray {
        private final JsonNode node;
        private Map<JsonNode, Object> children;

        JsonArrayProxy(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object get(long index) {
            if (index < 0 || index >= node.size()) {
                throw new ArrayIndexOutOfBoundsException((int) Math.min(index, Integer.MAX_VALUE));
            }
            JsonNode v = node.get((int) index);
            if (v.isNull()) {
                return null;
            }
            if (children == null) {
                children = new IdentityHashMap<>();
            }
            return member(v, children);
        }

        @Override
        public void set(long index, Value value) {
            throw new UnsupportedOperationException("the event's arrays are read-only");
        }

        @Override
        public long getSize() {
            return node.size();
        }
    }

    /**
     * A list as a JS array. Not {@link ProxyArray#fromList}: its out-of-range reads throw
     * IndexOutOfBoundsException, which JS sees as a host error instead of {@code undefined}.
     */
    private static final class ListProxy implements ProxyArray {
        private final List<Object> list;

        ListProxy(List<Object> list) {
            this.list = list;
        }

        @Override
        public Object get(long index) {
            if (index < 0 || index >= list.size()) {
                throw new ArrayIndexOutOfBoundsException((int) Math.min(index, Integer.MAX_VALUE));
            }
            return list.get((int) index);
        }

        @Override
        public void set(long index, Value value) {
            throw new UnsupportedOperationException("the event's arrays are read-only");
        }

        @Override
        public long getSize() {
            return list.size();
        }
    }
}
