package dev.tracex.engine;

import dev.tracex.engine.ids.Hex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A trace context extracted from an event: the remote parent an invocation continues.
 *
 * <p>Holds a 128-bit trace id, the parent span id, the sampling priority (which may be absent), the
 * origin, the Datadog propagated tags ({@code _dd.p.*}), the W3C {@code tracestate} and {@code baggage}, and which rule and
 * propagation format produced it. Immutable and thread-safe. The upper 64 bits of the trace id and the
 * {@code _dd.p.tid} tag are one fact: {@link #tags()} always carries {@code _dd.p.tid} exactly when
 * {@link #traceIdHigh()} is non-zero.
 *
 * <pre>{@code
 * TraceContext ctx = TraceContext.builder()
 *     .traceId(0, 1234567890123L).parentId(42L).samplingPriority(1).build();
 * ctx.traceparent(); // "00-000000000000000000000123456789ab-000000000000002a-01"
 * }</pre>
 */
public final class TraceContext {
    /** The propagated tag that carries the upper 64 bits of a 128-bit trace id. */
    public static final String TRACE_ID_HIGH_TAG = "_dd.p.tid";

    private final long traceIdHigh;
    private final long traceIdLow;
    private final long parentId;
    private final Integer samplingPriority;
    private final Boolean sampledFlag;
    private final String origin;
    private final Map<String, String> tags;
    private final String tracestate;
    private final Map<String, String> baggage;
    private final String rule;
    private final String format;

    private TraceContext(Builder b) {
        this.traceIdHigh = b.traceIdHigh;
        this.traceIdLow = b.traceIdLow;
        this.parentId = b.parentId;
        this.samplingPriority = b.samplingPriority;
        this.sampledFlag = b.sampledFlag;
        this.origin = b.origin;
        if (b.tags.isEmpty() && b.traceIdHigh == 0) {
            this.tags = Map.of();
        } else {
            Map<String, String> t = new LinkedHashMap<>(b.tags);
            t.remove(TRACE_ID_HIGH_TAG);
            if (b.traceIdHigh != 0) {
                t.put(TRACE_ID_HIGH_TAG, Hex.of64(b.traceIdHigh));
            }
            this.tags = Collections.unmodifiableMap(t);
        }
        this.tracestate = b.tracestate;
        this.baggage = b.baggage.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.baggage));
        this.rule = b.rule;
        this.format = b.format;
    }

    /** A copy attributed to another rule: every other field, the immutable tags map included, is shared. */
    private TraceContext(TraceContext c, String rule) {
        this.traceIdHigh = c.traceIdHigh;
        this.traceIdLow = c.traceIdLow;
        this.parentId = c.parentId;
        this.samplingPriority = c.samplingPriority;
        this.sampledFlag = c.sampledFlag;
        this.origin = c.origin;
        this.tags = c.tags;
        this.tracestate = c.tracestate;
        this.baggage = c.baggage;
        this.rule = rule;
        this.format = c.format;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this context's values, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.traceIdHigh = traceIdHigh;
        b.traceIdLow = traceIdLow;
        b.parentId = parentId;
        b.samplingPriority = samplingPriority;
        b.sampledFlag = sampledFlag;
        b.origin = origin;
        b.tags.putAll(tags);
        b.tracestate = tracestate;
        b.baggage.putAll(baggage);
        b.rule = rule;
        b.format = format;
        return b;
    }

    /** This context attributed to {@code rule} (the compiled rule that produced it). */
    public TraceContext withRule(String rule) {
        return Objects.equals(rule, this.rule) ? this : new TraceContext(this, rule);
    }

    /** Upper 64 bits of the trace id; 0 for a 64-bit trace id. */
    public long traceIdHigh() {
        return traceIdHigh;
    }

    /** Lower 64 bits of the trace id, an unsigned value: Datadog's {@code x-datadog-trace-id}. */
    public long traceIdLow() {
        return traceIdLow;
    }

    /** The lower 64 bits of the trace id as an unsigned decimal string. */
    public String traceId() {
        return Long.toUnsignedString(traceIdLow);
    }

    /** The whole 128-bit trace id as 32 lowercase hex digits. */
    public String traceIdHex() {
        return Hex.of64(traceIdHigh) + Hex.of64(traceIdLow);
    }

    /** The parent span id, an unsigned 64-bit value, never 0. */
    public long parentId() {
        return parentId;
    }

    /** The parent span id as an unsigned decimal string. */
    public String parentIdDecimal() {
        return Long.toUnsignedString(parentId);
    }

    /** The parent span id as 16 lowercase hex digits. */
    public String parentIdHex() {
        return Hex.of64(parentId);
    }

    /** Datadog sampling priority (-1 user reject, 0 auto reject, 1 auto keep, 2 user keep), if the carrier had one. */
    public OptionalInt samplingPriority() {
        return samplingPriority == null ? OptionalInt.empty() : OptionalInt.of(samplingPriority);
    }

    /**
     * Whether the parent was sampled: from the sampling priority when there is one (kept when above
     * 0), else from a format's own flag (W3C, B3, X-Ray), else {@code true}, leaving the decision to the
     * local sampler rather than silently dropping a trace nobody decided to drop.
     */
    public boolean sampled() {
        if (samplingPriority != null) {
            return samplingPriority > 0;
        }
        return sampledFlag == null || sampledFlag;
    }

    /** Datadog origin ({@code x-datadog-origin}, e.g. {@code synthetics}, {@code states}). */
    public Optional<String> origin() {
        return Optional.ofNullable(origin);
    }

    /** Datadog propagated tags, keys starting with {@code _dd.p.}, in the order they arrived. */
    public Map<String, String> tags() {
        return tags;
    }

    /** The W3C {@code tracestate} header that came with the context, if any. */
    public Optional<String> tracestate() {
        return Optional.ofNullable(tracestate);
    }

    /**
     * The W3C {@code baggage} entries that came with the context (the {@code baggage} header beside the
     * trace headers, within W3C's limits), in order; empty when there were none.
     */
    public Map<String, String> baggage() {
        return baggage;
    }

    /** Name of the rule that extracted this context (e.g. {@code sqs} or {@code builtin.sqs}). */
    public String rule() {
        return rule;
    }

    /** The format the context was read in: {@code datadog}, {@code tracecontext}, {@code b3}, {@code b3multi}, {@code xray}, {@code fields} or {@code js}. */
    public String format() {
        return format;
    }

    /** The W3C {@code traceparent} header for this context: version 00, trace id, parent id, sampled flag. */
    public String traceparent() {
        return "00-" + traceIdHex() + "-" + parentIdHex() + (sampled() ? "-01" : "-00");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TraceContext)) {
            return false;
        }
        TraceContext that = (TraceContext) o;
        return traceIdHigh == that.traceIdHigh
                && traceIdLow == that.traceIdLow
                && parentId == that.parentId
                && Objects.equals(samplingPriority, that.samplingPriority)
                && Objects.equals(sampledFlag, that.sampledFlag)
                && Objects.equals(origin, that.origin)
                && tags.equals(that.tags)
                && Objects.equals(tracestate, that.tracestate)
                && baggage.equals(that.baggage)
                && Objects.equals(rule, that.rule)
                && Objects.equals(format, that.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(traceIdHigh, traceIdLow, parentId, samplingPriority, origin, rule, format);
    }

    /** Ids and where they came from; never header values beyond the ids (baggage may hold personal data: only its size). */
    @Override
    public String toString() {
        return "TraceContext{trace_id=" + traceIdHex() + ", parent_id=" + parentIdHex()
                + ", sampling_priority=" + samplingPriority + ", origin=" + origin
                + ", rule=" + rule + ", format=" + format
                + (baggage.isEmpty() ? "" : ", baggage_entries=" + baggage.size()) + "}";
    }

    /** Builds a {@link TraceContext}. Not thread-safe. */
    public static final class Builder {
        private long traceIdHigh;
        private long traceIdLow;
        private long parentId;
        private Integer samplingPriority;
        private Boolean sampledFlag;
        private String origin;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String tracestate;
        private final Map<String, String> baggage = new LinkedHashMap<>();
        private String rule;
        private String format;

        private Builder() {
        }

        public Builder traceId(long high, long low) {
            this.traceIdHigh = high;
            this.traceIdLow = low;
            return this;
        }

        public Builder traceIdHigh(long high) {
            this.traceIdHigh = high;
            return this;
        }

        public Builder traceIdLow(long low) {
            this.traceIdLow = low;
            return this;
        }

        public Builder parentId(long parentId) {
            this.parentId = parentId;
            return this;
        }

        public Builder samplingPriority(Integer priority) {
            this.samplingPriority = priority;
            return this;
        }

        /** A format's own sampled flag, used when there is no sampling priority. */
        public Builder sampledFlag(Boolean sampled) {
            this.sampledFlag = sampled;
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        /** Adds one propagated tag; {@code _dd.p.tid} is derived from the trace id and ignored here. */
        public Builder tag(String key, String value) {
            this.tags.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            this.tags.putAll(tags);
            return this;
        }

        public Builder tracestate(String tracestate) {
            this.tracestate = tracestate;
            return this;
        }

        /** The W3C baggage entries (replacing any before), e.g. from {@code W3CBaggage.parse(header)}. */
        public Builder baggage(Map<String, String> baggage) {
            this.baggage.clear();
            baggage.forEach((k, v) -> this.baggage.put(Objects.requireNonNull(k), Objects.requireNonNull(v)));
            return this;
        }

        public Builder rule(String rule) {
            this.rule = rule;
            return this;
        }

        public Builder format(String format) {
            this.format = format;
            return this;
        }

        public long traceIdHigh() {
            return traceIdHigh;
        }

        public long traceIdLow() {
            return traceIdLow;
        }

        public long parentId() {
            return parentId;
        }

        /**
         * The context, or an exception when it could not continue a trace: a trace id of all zeros or
         * a parent id of zero.
         */
        public TraceContext build() {
            if (traceIdHigh == 0 && traceIdLow == 0) {
                throw new IllegalStateException("trace id is zero");
            }
            if (parentId == 0) {
                throw new IllegalStateException("parent id is zero");
            }
            return new TraceContext(this);
        }

        /** True when {@link #build()} would succeed. */
        public boolean isValid() {
            return (traceIdHigh != 0 || traceIdLow != 0) && parentId != 0;
        }
    }
}
