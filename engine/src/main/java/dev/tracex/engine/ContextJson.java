package dev.tracex.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a context, as {@code tracex extract} prints it and {@code examples: expect:} compares
 * it: {@code rule}, {@code format}, {@code trace_id} (lower 64 bits, decimal), {@code trace_id_128}
 * (32 hex), {@code parent_id} (decimal), {@code sampling_priority} (number or null), {@code origin},
 * {@code tags}, {@code baggage} (W3C baggage entries, when there are some), {@code traceparent}, {@code tracestate}
 * (the W3C header that came with the context, or null), and for batches {@code links} (the records' contexts)
 * and {@code records} (every record in order: {@code index}, {@code id}, {@code context} or null).
 */
public final class ContextJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ContextJson() {
    }

    /** One context. */
    public static ObjectNode of(TraceContext c) {
        ObjectNode o = F.objectNode();
        o.put("rule", c.rule());
        o.put("format", c.format());
        o.put("trace_id", c.traceId());
        o.put("trace_id_128", c.traceIdHex());
        o.put("parent_id", c.parentIdDecimal());
        if (c.samplingPriority().isPresent()) {
            o.put("sampling_priority", c.samplingPriority().getAsInt());
        } else {
            o.putNull("sampling_priority");
        }
        if (c.origin().isPresent()) {
            o.put("origin", c.origin().get());
        } else {
            o.putNull("origin");
        }
        ObjectNode tags = o.putObject("tags");
        c.tags().forEach(tags::put);
        if (!c.baggage().isEmpty()) { // absent rather than empty: most contexts have none
            ObjectNode baggage = o.putObject("baggage");
            c.baggage().forEach(baggage::put);
        }
        o.put("traceparent", c.traceparent());
        if (c.tracestate().isPresent()) {
            o.put("tracestate", c.tracestate().get());
        } else {
            o.putNull("tracestate");
        }
        return o;
    }

    /**
     * An extraction: the parent's keys plus {@code links} and {@code records} for a batch; with no parent,
     * {@code {"context": null, "rule": selected}} (and {@code links} if any).
     */
    public static ObjectNode of(Extraction e, String selectedRule) {
        ObjectNode o;
        if (e.parent().isPresent()) {
            o = of(e.parent().get());
        } else {
            o = F.objectNode();
            o.putNull("context");
            o.put("rule", selectedRule);
        }
        if (!e.links().isEmpty()) {
            ArrayNode links = o.putArray("links");
            e.links().forEach(l -> links.add(of(l)));
        }
        if (!e.records().isEmpty()) {
            ArrayNode records = o.putArray("records");
            for (RecordContext r : e.records()) {
                ObjectNode ro = records.addObject();
                ro.put("index", r.index());
                if (r.id().isPresent()) {
                    ro.put("id", r.id().get());
                } else {
                    ro.putNull("id");
                }
                if (r.context().isPresent()) {
                    ro.set("context", of(r.context().get()));
                } else {
                    ro.putNull("context");
                }
            }
        }
        return o;
    }
}
