package dev.tracex.engine.internal.rule;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Hex;
import dev.tracex.engine.ids.Ids;
import dev.tracex.engine.internal.json.Projection;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.propagation.DatadogTags;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fields:} context fields mapped one by one, each by its own pipeline, with Datadog's meaning:
 * decimal ids (or 16/32-hex ones with {@code id_format: hex}), an integer sampling priority, origin,
 * {@code _dd.p.*} tags, and the 16-hex upper half of the trace id.
 */
public final class FieldsRule implements CompiledRule {
    /** The keys of a {@code fields:} mapping, in the order they are documented. */
    public enum Field {
        TRACE_ID("trace_id"), PARENT_ID("parent_id"), SAMPLING_PRIORITY("sampling_priority"),
        ORIGIN("origin"), TAGS("tags"), TRACE_ID_HIGH("trace_id_high");

        final String key;

        Field(String key) {
            this.key = key;
        }

        public static Field byKey(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) {
                    return f;
                }
            }
            return null;
        }

        public static String known() {
            StringBuilder b = new StringBuilder();
            for (Field f : values()) {
                b.append(b.length() == 0 ? "" : ", ").append(f.key);
            }
            return b.toString();
        }
    }

    private final String rule;
    private final boolean hex;
    private final Pipeline traceId;
    private final Pipeline parentId;
    private final Pipeline samplingPriority;
    private final Pipeline origin;
    private final Pipeline tags;
    private final Pipeline traceIdHigh;

    public FieldsRule(String rule, boolean hex, Map<Field, Pipeline> fields) {
        this.rule = rule;
        this.hex = hex;
        this.traceId = fields.get(Field.TRACE_ID);
        this.parentId = fields.get(Field.PARENT_ID);
        this.samplingPriority = fields.get(Field.SAMPLING_PRIORITY);
        this.origin = fields.get(Field.ORIGIN);
        this.tags = fields.get(Field.TAGS);
        this.traceIdHigh = fields.get(Field.TRACE_ID_HIGH);
    }

    @Override
    public Extraction extract(JsonNode root, InvocationContext context, ExtractionTrace trace) {
        TraceContext.Builder b = TraceContext.builder().rule(rule).format("fields");
        JsonNode tid = traceId.evaluate(root, trace);
        if (!readTraceId(tid, b)) {
            RuleLog.noContext(rule, traceId, tid == null ? "missing trace_id" : "invalid trace_id");
            if (trace != null) {
                trace.note(invalid("trace_id", tid, hex ? "16 or 32 hex digits" : "an unsigned 64-bit decimal"));
            }
            return Extraction.none();
        }
        JsonNode pid = parentId.evaluate(root, trace);
        long parent = hex ? (pid != null && pid.isTextual() ? Ids.hex16(pid.textValue()) : 0) : Ids.decimal(pid);
        if (parent == 0) {
            RuleLog.noContext(rule, parentId, pid == null ? "missing parent_id" : "invalid parent_id");
            if (trace != null) {
                trace.note(invalid("parent_id", pid, hex ? "16 hex digits" : "an unsigned 64-bit decimal"));
            }
            return Extraction.none();
        }
        b.parentId(parent);
        if (traceIdHigh != null) {
            JsonNode high = traceIdHigh.evaluate(root, trace);
            if (high != null) {
                long h = high.isTextual() ? Ids.hex16(high.textValue()) : 0;
                if (h == 0) {
                    RuleLog.noContext(rule, traceIdHigh, "invalid trace_id_high");
                    if (trace != null) {
                        trace.note(invalid("trace_id_high", high, "16 hex digits"));
                    }
                    return Extraction.none();
                }
                b.traceIdHigh(h);
            }
        }
        if (samplingPriority != null) {
            b.samplingPriority(priority(samplingPriority.evaluate(root, trace)));
        }
        if (origin != null) {
            JsonNode o = origin.evaluate(root, trace);
            if (o != null && o.isValueNode()) {
                b.origin(o.asText());
            }
        }
        if (tags != null) {
            readTags(tags.evaluate(root, trace), b);
        }
        return Extraction.of(b.build());
    }

    /** Why a field's value is no id, for an explanation. */
    private static String invalid(String field, JsonNode value, String expected) {
        return value == null ? field + ": missing" : field + ": " + ExtractionTrace.describe(value) + " is not " + expected + " (or is zero)";
    }

    @Override
    public void project(Projection root) {
        for (Pipeline p : new Pipeline[] {traceId, parentId, samplingPriority, origin, tags, traceIdHigh}) {
            if (p != null) {
                p.project(root);
            }
        }
    }

    private boolean readTraceId(JsonNode v, TraceContext.Builder b) {
        if (v == null) {
            return false;
        }
        if (!hex) {
            long low = Ids.decimal(v);
            b.traceIdLow(low);
            return low != 0;
        }
        if (!v.isTextual()) {
            return false;
        }
        String s = v.textValue();
        if (s.length() == 32 && Hex.isHex(s, false)) {
            long high = Hex.parse(s, 0, 16, false);
            long low = Hex.parse(s, 16, 16, false);
            b.traceId(high, low);
            return high != 0 || low != 0;
        }
        long low = Ids.hex16(s);
        b.traceIdLow(low);
        return low != 0;
    }

    /** An integer, integral text or a boolean (true = 1, false = 0); anything else leaves it absent. */
    private static Integer priority(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1 : 0;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        return v.isTextual() ? Ids.smallInteger(v.textValue().trim()) : null;
    }

    /** An object of tags, or text in the {@code x-datadog-tags} form; only {@code _dd.p.*} keys are kept. */
    private static void readTags(JsonNode v, TraceContext.Builder b) {
        if (v == null) {
            return;
        }
        Map<String, String> found = new LinkedHashMap<>();
        if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("_dd.p.") && e.getValue().isValueNode() && !e.getValue().isNull()) {
                    found.put(e.getKey(), e.getValue().asText());
                }
            }
        } else if (v.isTextual()) {
            DatadogTags.Parsed parsed = DatadogTags.parse(v.textValue());
            found.putAll(parsed.tags());
            if (parsed.traceIdHigh() != 0) {
                found.put(TraceContext.TRACE_ID_HIGH_TAG, Hex.of64(parsed.traceIdHigh()));
            }
        }
        for (Map.Entry<String, String> e : found.entrySet()) {
            if (e.getKey().equals(TraceContext.TRACE_ID_HIGH_TAG)) {
                long high = Ids.hex16(e.getValue());
                if (high != 0 && b.traceIdHigh() == 0) {
                    b.traceIdHigh(high);
                }
            } else {
                b.tag(e.getKey(), e.getValue());
            }
        }
    }

    // What the precompiled form's plan is written from (dev.tracex.engine.internal.plan.PlanWriter).

    /** The name the contexts it finds are attributed to. */
    public String rule() {
        return rule;
    }

    public boolean hex() {
        return hex;
    }

    /** Each field's pipeline, as the constructor takes them. */
    public Map<Field, Pipeline> fields() {
        Map<Field, Pipeline> out = new java.util.EnumMap<>(Field.class);
        Pipeline[] pipelines = {traceId, parentId, samplingPriority, origin, tags, traceIdHigh}; // in Field's order
        for (Field f : Field.values()) {
            if (pipelines[f.ordinal()] != null) {
                out.put(f, pipelines[f.ordinal()]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Fields(");
        append(s, Field.TRACE_ID, traceId);
        append(s, Field.PARENT_ID, parentId);
        append(s, Field.SAMPLING_PRIORITY, samplingPriority);
        append(s, Field.ORIGIN, origin);
        append(s, Field.TAGS, tags);
        append(s, Field.TRACE_ID_HIGH, traceIdHigh);
        return s.append(hex ? ", id_format=hex)" : ")").toString();
    }

    private static void append(StringBuilder s, Field f, Pipeline p) {
        if (p != null) {
            s.append(s.length() > 7 ? ", " : "").append(f.key).append('=').append(p);
        }
    }
}
