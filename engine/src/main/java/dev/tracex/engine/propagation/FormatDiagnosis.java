package dev.tracex.engine.propagation;

import dev.tracex.engine.ExtractionTrace;
import dev.tracex.engine.ids.Ids;

/**
 * Why a format found no context in a carrier, in words, for explanations only: called after
 * {@link PropagationFormat#extract} returned {@code null}, never on the hot path. It checks the headers
 * in the order the format reads them and names the first one that fails.
 */
final class FormatDiagnosis {
    private static final String DECIMAL = "not an unsigned 64-bit decimal";

    private FormatDiagnosis() {
    }

    static String why(PropagationFormat format, HeaderCarrier carrier) {
        if (format instanceof DatadogFormat) {
            return datadog(carrier);
        }
        if (format instanceof TraceContextFormat) {
            return header(carrier, TraceContextFormat.TRACEPARENT,
                    "not 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags> in lowercase, with non-zero ids");
        }
        if (format instanceof B3SingleFormat) {
            String v = carrier.get(B3SingleFormat.HEADER);
            if (v != null && v.indexOf('-') < 0) {
                return B3SingleFormat.HEADER + " " + ExtractionTrace.quote(v) + ": a sampling decision only, no ids";
            }
            return header(carrier, B3SingleFormat.HEADER, "not <16 or 32 hex trace id>-<16 hex span id>[-<sampled>], with non-zero ids");
        }
        if (format instanceof B3MultiFormat) {
            String t = carrier.get(B3MultiFormat.TRACE_ID);
            String s = carrier.get(B3MultiFormat.SPAN_ID);
            if (t == null && s == null) {
                return "no " + B3MultiFormat.TRACE_ID + " or " + B3MultiFormat.SPAN_ID;
            }
            if (t == null || s == null) {
                return "no " + (t == null ? B3MultiFormat.TRACE_ID : B3MultiFormat.SPAN_ID);
            }
            return B3MultiFormat.TRACE_ID + " " + ExtractionTrace.quote(t) + ", " + B3MultiFormat.SPAN_ID + " "
                    + ExtractionTrace.quote(s) + ": not 16 or 32 and 16 hex digits, with non-zero ids";
        }
        if (format instanceof XRayFormat) {
            return header(carrier, XRayFormat.HEADER, "not Root=1-<8 hex>-<24 hex>;Parent=<16 hex>[;Sampled=0|1]");
        }
        return "no valid " + format.name() + " headers";
    }

    private static String datadog(HeaderCarrier carrier) {
        String traceId = carrier.get(DatadogFormat.TRACE_ID);
        String parentId = carrier.get(DatadogFormat.PARENT_ID);
        if (traceId == null && parentId == null) {
            return "no " + DatadogFormat.TRACE_ID + " or " + DatadogFormat.PARENT_ID;
        }
        String bad = id(DatadogFormat.TRACE_ID, traceId);
        bad = bad != null ? bad : id(DatadogFormat.PARENT_ID, parentId);
        return bad != null ? bad : "rejected";
    }

    private static String id(String name, String value) {
        if (value == null) {
            return "no " + name;
        }
        if (Ids.decimal(value) != 0) {
            return null;
        }
        return name + " " + ExtractionTrace.quote(value) + ": " + (value.chars().allMatch(c -> c == '0') && !value.isEmpty() ? "zero is not an id" : DECIMAL);
    }

    private static String header(HeaderCarrier carrier, String name, String expected) {
        String v = carrier.get(name);
        return v == null ? "no " + name : name + " " + ExtractionTrace.quote(v) + ": " + expected;
    }
}
