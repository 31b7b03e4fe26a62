package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Ids;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.propagation.PropagationStyle;
import org.graalvm.polyglot.Value;

import java.util.List;

/**
 * Reads what a JS extractor returned, in the shapes the Datadog Lambda libraries use:
 * <ul>
 *   <li>Node ({@code datadog-lambda-js}): {@code {traceId, parentId, sampleMode, source}}, or the deprecated
 *       {@code traceID}/{@code parentID} (read when the current spelling is absent or falsy, as the Node
 *       library reads them), ids as decimal strings or integral numbers;</li>
 *   <li>Python ({@code datadog-lambda-python}): {@code [trace_id, parent_id, sampling_priority]};</li>
 *   <li>Go ({@code datadog-lambda-go}): an object of propagation headers, decoded with the rule's styles.</li>
 * </ul>
 * {@code null} and {@code undefined} are "no context"; anything else is no context and one warning.
 * Must run on the thread that holds the result's context.
 */
final class ScriptResults {
    static final String FORMAT = "js";

    private ScriptResults() {
    }

    static Extraction read(String rule, Value result, List<PropagationStyle> styles, ExtractionTrace trace) {
        if (result == null || result.isNull()) {
            ScriptLog.debug(rule, "returned " + (result == null ? "nothing" : result.toString()) + ": no context", trace);
            return Extraction.none();
        }
        if (result.hasArrayElements()) {
            return tuple(rule, result, trace);
        }
        if (result.hasMembers() && !result.canExecute() && !result.isString()) {
            if (result.hasMember("traceId") || result.hasMember("parentId")
                    || result.hasMember("traceID") || result.hasMember("parentID")) {
                return node(rule, result, trace);
            }
            if (trace != null) {
                trace.note("returned an object of headers");
            }
            return HeadersRule.decode(rule, headers(result), styles, trace);
        }
        ScriptLog.warn(rule, "returned " + kind(result) + "; expected {traceId, parentId, sampleMode}, "
                + "[trace_id, parent_id, sampling_priority], an object of headers, or null", trace);
        return Extraction.none();
    }

    /** As the Node library reads it: {@code traceId || traceID}, {@code parentId || parentID} (JavaScript's {@code ||}). */
    private static Extraction node(String rule, Value r, ExtractionTrace trace) {
        boolean current = truthy(r.getMember("traceId"));
        boolean currentParent = truthy(r.getMember("parentId"));
        return context(rule, current ? r.getMember("traceId") : r.getMember("traceID"),
                currentParent ? r.getMember("parentId") : r.getMember("parentID"), r.getMember("sampleMode"),
                current ? "traceId" : "traceID", currentParent ? "parentId" : "parentID", trace);
    }

    /** JavaScript truthiness for the values an id may be: not null/undefined, {@code ""}, {@code 0}, {@code NaN} or {@code false}. */
    private static boolean truthy(Value v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isString()) {
            return !v.asString().isEmpty();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            double d = v.fitsInDouble() ? v.asDouble() : 1;
            return d != 0 && !Double.isNaN(d);
        }
        return true;
    }

    private static Extraction tuple(String rule, Value r, ExtractionTrace trace) {
        long n = r.getArraySize();
        if (n < 2 || n > 3) {
            ScriptLog.warn(rule, "returned an array of " + n + " values; expected [trace_id, parent_id, sampling_priority]", trace);
            return Extraction.none();
        }
        return context(rule, r.getArrayElement(0), r.getArrayElement(1), n == 3 ? r.getArrayElement(2) : null,
                "trace_id", "parent_id", trace);
    }

    private static Extraction context(String rule, Value traceId, Value parentId, Value priority,
                                      String traceName, String parentName, ExtractionTrace explaining) {
        long trace = id(traceId);
        if (trace == 0) {
            ScriptLog.debug(rule, (isAbsent(traceId) ? "no " : "invalid ") + traceName + ": no context", explaining);
            return Extraction.none();
        }
        long parent = id(parentId);
        if (parent == 0) {
            ScriptLog.debug(rule, (isAbsent(parentId) ? "no " : "invalid ") + parentName + ": no context", explaining);
            return Extraction.none();
        }
        return Extraction.of(TraceContext.builder().traceIdLow(trace).parentId(parent)
                .samplingPriority(priority(priority)).rule(rule).format(FORMAT).build());
    }

    private static boolean isAbsent(Value v) {
        return v == null || v.isNull();
    }

    /** A decimal string or a positive integral number (exact in a double, as JS numbers are); else 0. */
    private static long id(Value v) {
        if (isAbsent(v)) {
            return 0;
        }
        if (v.isString()) {
            return Ids.decimal(v.asString());
        }
        if (v.isNumber() && v.fitsInLong()) {
            long l = v.asLong();
            return l > 0 ? l : 0;
        }
        return 0; // BigInt ids are numbers that do not fit a long, or fractions, NaN, objects...
    }

    /** An integral number or numeric text; NaN (parseInt of nothing) and anything else: absent. */
    private static Integer priority(Value v) {
        if (isAbsent(v)) {
            return null;
        }
        if (v.isNumber() && v.fitsInInt()) {
            return v.asInt();
        }
        return v.isString() ? Ids.smallInteger(v.asString().trim()) : null;
    }

    /** A Go-style headers object as JSON: scalar values as text, arrays of scalars kept as arrays. */
    private static JsonNode headers(Value r) {
        JsonNode own = JsonProxies.unwrap(r);
        if (own != null) {
            return own; // `(p) => p._datadog`: the event's own headers object, read without a copy
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String key : r.getMemberKeys()) {
            Value v = r.getMember(key);
            if (v.hasArrayElements()) {
                ArrayNode a = out.putArray(key);
                for (long i = 0; i < v.getArraySize(); i++) {
                    String s = text(v.getArrayElement(i));
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
        return out;
    }

    private static String text(Value v) {
        if (v.isString()) {
            return v.asString();
        }
        if (v.isNumber()) {
            return v.fitsInLong() ? Long.toString(v.asLong()) : v.toString();
        }
        if (v.isBoolean()) {
            return Boolean.toString(v.asBoolean());
        }
        return null;
    }

    /** What a wrong result was, by type only: never its content, which may come from the event. */
    static String kind(Value v) {
        if (v.isString()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.canExecute()) {
            return "a function";
        }
        return "a " + v.getMetaQualifiedName();
    }
}
