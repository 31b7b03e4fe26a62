package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import dev.tracex.engine.ids.Hex;

import java.util.Map;
import java.util.Objects;

/**
 * AWS X-Ray's {@code x-amzn-trace-id}: {@code Root=1-<8 hex epoch>-<24 hex>;Parent=<16 hex>;Sampled=0|1},
 * fields in any order, separated by {@code ;}, spaces around them tolerated, unknown fields ({@code Self},
 * {@code Lineage}, ...) ignored; {@code _dd.origin} is read as Datadog's X-Ray codec writes it.
 *
 * <p>The 128-bit trace id is the epoch and the 24 digits concatenated, as OpenTelemetry's
 * {@code AwsXrayPropagator} reads it. That is also Datadog's layout: its tracer writes
 * {@code Root=1-00000000-00000000<16 hex>} for a 64-bit id, whose lower 64 bits are the last 16 digits.
 * (Datadog's codec reads only that zero-padded form; this one reads any root, so traces started by X-Ray
 * or OpenTelemetry continue too.)
 *
 * <p>Stateless and thread-safe. Extraction never throws; a missing or malformed {@code Root} or
 * {@code Parent}, a zero id or a {@code Sampled} other than {@code 0}, {@code 1} or {@code ?} gives
 * {@code null}. Hex must be lowercase, as X-Ray writes it and OpenTelemetry requires.
 *
 * <pre>{@code
 * TraceContext ctx = XRayFormat.INSTANCE.extract(HeaderCarrier.of(Map.of("x-amzn-trace-id",
 *     "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")));
 * }</pre>
 */
public final class XRayFormat implements PropagationFormat {
    public static final XRayFormat INSTANCE = new XRayFormat();

    static final String HEADER = "x-amzn-trace-id";

    private static final String ROOT = "Root";
    private static final String PARENT = "Parent";
    private static final String SAMPLED = "Sampled";
    private static final String ORIGIN = "_dd.origin";
    // "1-" + 8 hex + "-" + 24 hex
    private static final int ROOT_LENGTH = 35;

    private XRayFormat() {
    }

    @Override
    public String name() {
        return "xray";
    }

    @Override
    public TraceContext extract(HeaderCarrier carrier) {
        if (carrier == null) {
            return null;
        }
        String header = carrier.get(HEADER);
        if (header == null) {
            return null;
        }
        String root = null;
        String parent = null;
        String sampled = null;
        String origin = null;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = header.length();
            }
            // '=' is looked for within this field only: a header of many empty fields costs one pass, not one per field.
            int eq = start;
            while (eq < end && header.charAt(eq) != '=') {
                eq++;
            }
            if (eq < end) {
                String key = header.substring(start, eq).trim();
                String value = header.substring(eq + 1, end).trim();
                // The first of a repeated field wins, as in Datadog's codec.
                switch (key) {
                    case ROOT -> root = root == null ? value : root;
                    case PARENT -> parent = parent == null ? value : parent;
                    case SAMPLED -> sampled = sampled == null ? value : sampled;
                    case ORIGIN -> origin = origin == null ? value : origin;
                    default -> {
                        // Self, Lineage and other fields say nothing about the parent.
                    }
                }
            }
            start = end + 1;
        }
        if (root == null || parent == null || !isRoot(root)
                || parent.length() != 16 || !Hex.isHex(parent, true)) {
            return null;
        }
        Integer priority;
        if (sampled == null || sampled.equals("?")) {
            priority = null;
        } else if (sampled.equals("1") || sampled.equals("0")) {
            priority = sampled.equals("1") ? 1 : 0;
        } else {
            return null;
        }
        long high = (Hex.parse(root, 2, 8, true) << 32) | Hex.parse(root, 11, 8, true);
        long low = Hex.parse(root, 19, 16, true);
        TraceContext.Builder b = TraceContext.builder()
                .traceId(high, low)
                .parentId(Hex.parse(parent, 0, 16, true))
                .samplingPriority(priority)
                .sampledFlag(priority == null ? null : priority > 0)
                .origin(origin == null || origin.isEmpty() ? null : origin)
                .format(name());
        return b.isValid() ? b.build() : null;
    }

    @Override
    public void inject(TraceContext context, Map<String, String> headers) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(headers, "headers");
        String hex = context.traceIdHex();
        StringBuilder sb = new StringBuilder(ROOT).append("=1-").append(hex, 0, 8).append('-').append(hex, 8, 32)
                .append(';').append(PARENT).append('=').append(context.parentIdHex());
        context.samplingPriority().ifPresent(p -> sb.append(';').append(SAMPLED).append('=').append(p > 0 ? '1' : '0'));
        context.origin().filter(XRayFormat::isFieldValue)
                .ifPresent(o -> sb.append(';').append(ORIGIN).append('=').append(o));
        headers.put(HEADER, sb.toString());
    }

    private static boolean isRoot(String root) {
        return root.length() == ROOT_LENGTH
                && root.startsWith("1-")
                && root.charAt(10) == '-'
                && Hex.isHex(root, 2, 8, true)
                && Hex.isHex(root, 11, 24, true);
    }

    // An origin that would split the header or be trimmed on the way back is not written.
    private static boolean isFieldValue(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~' || c == ';') {
                return false;
            }
        }
        return true;
    }
}
