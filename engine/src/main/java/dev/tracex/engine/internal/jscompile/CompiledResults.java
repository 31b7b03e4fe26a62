package dev.tracex.engine.internal.jscompile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Ids;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.internal.rule.RuleLog;
import dev.tracex.engine.logging.TracexLogger;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

/**
 * Reads what a compiled snippet returned exactly as {@code dev.tracex.engine.script.ScriptResults} reads a GraalJS
 * result (same shapes, same conversions, same log lines): the Node object {@code {traceId, parentId, sampleMode}}
 * (or {@code traceID}/{@code parentID}), the Python array, an object of headers, {@code null}/{@code undefined}.
 * The two are kept equal by the differential tests, which run every snippet both ways.
 */
final class CompiledResults {
    static final String FORMAT = "js";
    private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");
    private static final String[] NODE_KEYS = {"traceId", "parentId", "traceID", "parentID"};

    private CompiledResults() {
    }

    static Extraction read(String rule, Object result, List<PropagationStyle> styles, ExtractionTrace trace) {
        if (JsValues.isNullish(result)) {
            debug(rule, "returned " + result + ": no context", trace);
            return Extraction.none();
        }
        if (result instanceof List || (result instanceof JsonNode && ((JsonNode) result).isArray())) {
            return tuple(rule, result, trace);
        }
        if (result instanceof ReturnedObject && ((ReturnedObject) result).isNodeStyle()) {
            return node(rule, result, trace);
        }
        if (result instanceof ReturnedObject || result instanceof Map || result instanceof JsonNode) {
            for (String key : NODE_KEYS) {
                if (member(result, key) != null) {
                    return node(rule, result, trace);
                }
            }
            if (trace != null) {
                trace.note("returned an object of headers");
            }
            return HeadersRule.decode(rule, headers(result), styles, trace);
        }
        warn(rule, "returned a " + JsValues.typeOf(result) + "; expected {traceId, parentId, sampleMode}, "
                + "[trace_id, parent_id, sampling_priority], an object of headers, or null", trace);
        return Extraction.none();
    }

    /** An own property of a returned object, or {@code null} when it has none (as a polyglot read gives). */
    private static Object member(Object object, String key) {
        if (object instanceof ReturnedObject) {
            return ((ReturnedObject) object).member(key);
        }
        if (object instanceof Map) {
            return ((Map<?, ?>) object).get(key);
        }
        JsonNode v = ((JsonNode) object).get(key);
        return v == null ? null : JsValues.fromEvent(v);
    }

    private static Extraction node(String rule, Object r, ExtractionTrace trace) {
        Object[] v = new Object[ReturnedObject.KNOWN.length]; // traceId, parentId, traceID, parentID, sampleMode
        if (r instanceof ReturnedObject) {
            ReturnedObject o = (ReturnedObject) r;
            for (int k = 0; k < v.length; k++) {
                v[k] = o.known()[k] < 0 ? null : o.values()[o.known()[k]];
            }
        } else {
            for (int k = 0; k < v.length; k++) {
                v[k] = member(r, ReturnedObject.KNOWN[k]);
            }
        }
        boolean current = v[0] != null && JsValues.truthy(v[0]);
        boolean currentParent = v[1] != null && JsValues.truthy(v[1]);
        return context(rule, current ? v[0] : v[2], currentParent ? v[1] : v[3], v[4],
                current ? "traceId" : "traceID", currentParent ? "parentId" : "parentID", trace);
    }

    private static Extraction tuple(String rule, Object r, ExtractionTrace trace) {
        List<Object> items = new ArrayList<>();
        if (r instanceof List) {
            items.addAll((List<?>) r);
        } else {
            for (JsonNode item : (JsonNode) r) {
                items.add(JsValues.fromEvent(item));
            }
        }
        int n = items.size();
        if (n < 2 || n > 3) {
            warn(rule, "returned an array of " + n + " values; expected [trace_id, parent_id, sampling_priority]", trace);
            return Extraction.none();
        }
        return context(rule, items.get(0), items.get(1), n == 3 ? items.get(2) : null, "trace_id", "parent_id", trace);
    }

    private static Extraction context(String rule, Object traceId, Object parentId, Object priority,
                                      String traceName, String parentName, ExtractionTrace explaining) {
        long trace = id(traceId);
        if (trace == 0) {
            debug(rule, (isAbsent(traceId) ? "no " : "invalid ") + traceName + ": no context", explaining);
            return Extraction.none();
        }
        long parent = id(parentId);
        if (parent == 0) {
            debug(rule, (isAbsent(parentId) ? "no " : "invalid ") + parentName + ": no context", explaining);
            return Extraction.none();
        }
        return Extraction.of(TraceContext.builder().traceIdLow(trace).parentId(parent)
                .samplingPriority(priority(priority)).rule(rule).format(FORMAT).build());
    }

    private static boolean isAbsent(Object v) {
        return v == null || JsValues.isNullish(v);
    }

    private static long id(Object v) {
        if (v instanceof String) {
            return Ids.decimal((String) v);
        }
        if (v instanceof Double && JsNumbers.fitsInLong((Double) v)) {
            long l = (long) (double) (Double) v;
            return l > 0 ? l : 0;
        }
        return 0;
    }

    private static Integer priority(Object v) {
        if (v instanceof Double && JsNumbers.fitsInInt((Double) v)) {
            return (int) (double) (Double) v;
        }
        return v instanceof String ? Ids.smallInteger(((String) v).trim()) : null;
    }

    /** The headers object: the event's own as it is; a JS object copied, scalars as text, arrays of scalars kept. */
    private static JsonNode headers(Object r) {
        if (r instanceof JsonNode) {
            return (JsonNode) r;
        }
        ObjectNode out = Json.object();
        if (r instanceof ReturnedObject) {
            ReturnedObject o = (ReturnedObject) r;
            for (int i = 0; i < o.keys().length; i++) {
                put(out, o.keys()[i], o.values()[i]);
            }
            return out;
        }
        Map<?, ?> m = (Map<?, ?>) r;
        // JS lists integer-like keys first, ascending, then the others in insertion order. Loops, not streams: this
        // runs at a cold start's first extraction, where each lambda and stream stage is a class to spin and load.
        TreeMap<Long, String> indexes = null;
        for (Object key : m.keySet()) {
            String k = (String) key;
            if (JsValues.isArrayIndex(k)) {
                if (indexes == null) {
                    indexes = new TreeMap<>();
                }
                indexes.put(Long.parseLong(k), k);
            }
        }
        if (indexes != null) {
            for (String k : indexes.values()) {
                put(out, k, m.get(k));
            }
        }
        for (Object key : m.keySet()) {
            String k = (String) key;
            if (!JsValues.isArrayIndex(k)) {
                put(out, k, m.get(k));
            }
        }
        return out;
    }

    private static void put(ObjectNode out, String key, Object v) {
        if (v instanceof List || (v instanceof JsonNode && ((JsonNode) v).isArray())) {
            ArrayNode a = out.putArray(key);
            Iterable<?> items = v instanceof List ? (List<?>) v : elements((JsonNode) v);
            for (Object item : items) {
                String s = text(item);
                if (s != null) {
                    a.add(s);
                }
            }
        } else {
            String s = text(v);
            if (s != null) {
                out.put(key, s);
            }
        }
    }

    private static List<Object> elements(JsonNode array) {
        List<Object> out = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            out.add(JsValues.fromEvent(item));
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Double) {
            double d = (Double) v;
            if (d == 0 && 1 / d < 0) {
                return "-0"; // what polyglot Value.toString gives for negative zero, unlike JS's String(-0)
            }
            return JsNumbers.fitsInLong(d) ? Long.toString((long) d) : JsNumbers.toString(d);
        }
        return v instanceof Boolean ? v.toString() : null;
    }

    static void debug(String rule, String message, ExtractionTrace trace) {
        if (trace != null) {
            trace.note(message);
        }
        if (RuleLog.debugging()) {
            RuleLog.line(rule, message);
        }
    }

    static void warn(String rule, String message, ExtractionTrace trace) {
        if (trace != null) {
            trace.note(message);
        }
        LOG.warn("rule \"" + rule + "\": " + message);
    }
}
