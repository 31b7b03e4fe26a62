package dev.tracex.engine.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

class B3MultiFormatTest {
    private static final B3MultiFormat FORMAT = B3MultiFormat.INSTANCE;

    private static final String TRACE_128 = "463ac35c9f6413ad48485a3953bb6124";
    private static final String TRACE_64 = "48485a3953bb6124";
    private static final String SPAN = "a2fb4a1d1a96d312";

    private static TraceContext extract(String traceId, String spanId, String sampled, String flags) {
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "X-B3-TraceId", traceId);
        put(m, "X-B3-SpanId", spanId);
        put(m, "X-B3-Sampled", sampled);
        put(m, "X-B3-Flags", flags);
        return FORMAT.extract(HeaderCarrier.of(m));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    static Stream<Arguments> validHeaders() {
        return Stream.of(
                argumentSet("128-bit, sampled 1", TRACE_128, "1", null, 0x463ac35c9f6413adL, 0x48485a3953bb6124L, 1),
                argumentSet("128-bit, no sampled", TRACE_128, null, null, 0x463ac35c9f6413adL, 0x48485a3953bb6124L, null),
                argumentSet("64-bit, sampled 0", TRACE_64, "0", null, 0L, 0x48485a3953bb6124L, 0),
                argumentSet("sampled true", TRACE_64, "true", null, 0L, 0x48485a3953bb6124L, 1),
                argumentSet("sampled false", TRACE_64, "false", null, 0L, 0x48485a3953bb6124L, 0),
                argumentSet("unknown sampled read as not sampled", TRACE_64, "yes", null, 0L, 0x48485a3953bb6124L, 0),
                argumentSet("'d' is not a multi-header state", TRACE_64, "d", null, 0L, 0x48485a3953bb6124L, 0),
                argumentSet("debug flag", TRACE_64, null, "1", 0L, 0x48485a3953bb6124L, 2),
                argumentSet("debug flag beats sampled 0", TRACE_64, "0", "1", 0L, 0x48485a3953bb6124L, 2),
                argumentSet("flags 0 leaves sampled", TRACE_64, "1", "0", 0L, 0x48485a3953bb6124L, 1));
    }

    @ParameterizedTest
    @MethodSource("validHeaders")
    void extract_validHeaders_readIdsAndSampling(String traceId, String sampled, String flags, long high, long low,
            Integer priority) {
        TraceContext ctx = extract(traceId, SPAN, sampled, flags);

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHigh()).isEqualTo(high);
        assertThat(ctx.traceIdLow()).isEqualTo(low);
        assertThat(ctx.parentId()).isEqualTo(0xa2fb4a1d1a96d312L);
        assertThat(ctx.samplingPriority().isPresent() ? ctx.samplingPriority().getAsInt() : null).isEqualTo(priority);
        assertThat(ctx.origin()).isEmpty();
        assertThat(ctx.format()).isEqualTo("b3multi");
        assertThat(ctx.rule()).isNull();
    }

    static Stream<Arguments> invalidHeaders() {
        return Stream.of(
                argumentSet("no trace id", null, SPAN),
                argumentSet("no span id", TRACE_128, null),
                argumentSet("empty trace id", "", SPAN),
                argumentSet("trace id all zero", "00000000000000000000000000000000", SPAN),
                argumentSet("span id zero", TRACE_128, "0000000000000000"),
                argumentSet("trace id uppercase", TRACE_128.toUpperCase(), SPAN),
                argumentSet("span id uppercase", TRACE_128, SPAN.toUpperCase()),
                argumentSet("trace id of 24 digits", TRACE_128.substring(8), SPAN),
                argumentSet("span id of 32 digits", TRACE_128, TRACE_128),
                argumentSet("trace id with spaces", " " + TRACE_64, SPAN));
    }

    @ParameterizedTest
    @MethodSource("invalidHeaders")
    void extract_invalidIds_isNull(String traceId, String spanId) {
        assertThat(extract(traceId, spanId, "1", null)).isNull();
    }

    @Test
    void extract_nullCarrier_isNull() {
        assertThat(FORMAT.extract(null)).isNull();
    }

    @Test
    void inject_kept_writesIdsAndSampled() {
        TraceContext ctx = TraceContext.builder().traceId(0x463ac35c9f6413adL, 0x48485a3953bb6124L)
                .parentId(0xa2fb4a1d1a96d312L).samplingPriority(2).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(
                Map.entry("x-b3-traceid", TRACE_128), Map.entry("x-b3-spanid", SPAN), Map.entry("x-b3-sampled", "1"));
    }

    @Test
    void inject_64bitWithoutPriority_writesIdsOnly() {
        TraceContext ctx = TraceContext.builder().traceId(0, 0x48485a3953bb6124L).parentId(0xa2fb4a1d1a96d312L).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(Map.entry("x-b3-traceid", TRACE_64), Map.entry("x-b3-spanid", SPAN));
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                argumentSet("64-bit, no priority", TraceContext.builder().traceId(0, 42).parentId(11).build()),
                argumentSet("128-bit, kept", TraceContext.builder().traceId(-1L, -1L).parentId(-1L).samplingPriority(1).build()),
                argumentSet("128-bit, dropped", TraceContext.builder()
                        .traceId(0x463ac35c9f6413adL, 0x48485a3953bb6124L).parentId(0xa2fb4a1d1a96d312L).samplingPriority(0).build()));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void injectThenExtract_givesSameIdsAndPriority(TraceContext original) {
        RoundTrip.of(FORMAT, original);
    }
}
