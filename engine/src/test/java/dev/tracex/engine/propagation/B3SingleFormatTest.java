package dev.tracex.engine.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

class B3SingleFormatTest {
    private static final B3SingleFormat FORMAT = B3SingleFormat.INSTANCE;

    private static final String TRACE_128 = "80f198ee56343ba864fe8b2a57d3eff7";
    private static final String TRACE_64 = "64fe8b2a57d3eff7";
    private static final String SPAN = "e457b5a2e4d86bd1";
    private static final String PARENT = "05e3ac9a4f6e3b90";

    private static TraceContext extract(String b3) {
        return FORMAT.extract(HeaderCarrier.of(Map.of("b3", b3)));
    }

    static Stream<Arguments> validHeaders() {
        return Stream.of(
                argumentSet("128-bit, sampled, parent", TRACE_128 + "-" + SPAN + "-1-" + PARENT,
                        0x80f198ee56343ba8L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 1),
                argumentSet("128-bit, ids only", TRACE_128 + "-" + SPAN,
                        0x80f198ee56343ba8L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, null),
                argumentSet("64-bit, not sampled", TRACE_64 + "-" + SPAN + "-0",
                        0L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 0),
                argumentSet("64-bit, debug", TRACE_64 + "-" + SPAN + "-d",
                        0L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 2),
                argumentSet("debug with parent", TRACE_128 + "-" + SPAN + "-d-" + PARENT,
                        0x80f198ee56343ba8L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 2),
                argumentSet("'true' read as sampled, as OpenTelemetry does", TRACE_64 + "-" + SPAN + "-true",
                        0L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 1),
                argumentSet("unknown sampling state read as not sampled", TRACE_64 + "-" + SPAN + "-x",
                        0L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 0),
                argumentSet("parent span id not read", TRACE_64 + "-" + SPAN + "-1-zz",
                        0L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, 1),
                argumentSet("upper trace id half zero", "0000000000000000" + TRACE_64 + "-" + SPAN,
                        0L, 0x64fe8b2a57d3eff7L, 0xe457b5a2e4d86bd1L, null),
                argumentSet("lower trace id half zero", "80f198ee56343ba80000000000000000-" + SPAN,
                        0x80f198ee56343ba8L, 0L, 0xe457b5a2e4d86bd1L, null));
    }

    @ParameterizedTest
    @MethodSource("validHeaders")
    void extract_validHeader_readsIdsAndSampling(String b3, long high, long low, long span, Integer priority) {
        TraceContext ctx = extract(b3);

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHigh()).isEqualTo(high);
        assertThat(ctx.traceIdLow()).isEqualTo(low);
        assertThat(ctx.parentId()).isEqualTo(span);
        assertThat(ctx.samplingPriority().isPresent() ? ctx.samplingPriority().getAsInt() : null).isEqualTo(priority);
        assertThat(ctx.sampled()).isEqualTo(priority == null || priority > 0);
        assertThat(ctx.origin()).isEmpty();
        assertThat(ctx.tracestate()).isEmpty();
        assertThat(ctx.format()).isEqualTo("b3");
        assertThat(ctx.rule()).isNull();
    }

    static Stream<Arguments> invalidHeaders() {
        return Stream.of(
                argumentSet("lone deny", "0"),
                argumentSet("lone accept", "1"),
                argumentSet("lone debug", "d"),
                argumentSet("empty", ""),
                argumentSet("trace id only", TRACE_128),
                argumentSet("trace id and dash", TRACE_128 + "-"),
                argumentSet("empty span id", TRACE_128 + "--1"),
                argumentSet("five fields", TRACE_128 + "-" + SPAN + "-1-" + PARENT + "-x"),
                argumentSet("trace id all zero", "00000000000000000000000000000000-" + SPAN + "-1"),
                argumentSet("64-bit trace id zero", "0000000000000000-" + SPAN),
                argumentSet("span id zero", TRACE_128 + "-0000000000000000-1"),
                argumentSet("trace id uppercase", TRACE_128.toUpperCase() + "-" + SPAN),
                argumentSet("span id uppercase", TRACE_128 + "-" + SPAN.toUpperCase()),
                argumentSet("trace id of 15 digits", TRACE_64.substring(1) + "-" + SPAN),
                argumentSet("trace id of 20 digits", "0000" + TRACE_64 + "-" + SPAN),
                argumentSet("trace id of 33 digits", "0" + TRACE_128 + "-" + SPAN),
                argumentSet("span id of 15 digits", TRACE_128 + "-" + SPAN.substring(1)),
                argumentSet("span id of 17 digits", TRACE_128 + "-0" + SPAN),
                argumentSet("not hex", "zzf198ee56343ba864fe8b2a57d3eff7-" + SPAN),
                argumentSet("surrounding space", " " + TRACE_64 + "-" + SPAN));
    }

    @ParameterizedTest
    @MethodSource("invalidHeaders")
    void extract_invalidHeader_isNull(String b3) {
        assertThat(extract(b3)).isNull();
    }

    @Test
    void extract_noHeader_isNull() {
        assertThat(FORMAT.extract(HeaderCarrier.of(Map.of("x-b3-traceid", TRACE_128)))).isNull();
    }

    @Test
    void extract_nullCarrier_isNull() {
        assertThat(FORMAT.extract(null)).isNull();
    }

    @Test
    void inject_128bitKept_writesFullIdAndSampled() {
        TraceContext ctx = TraceContext.builder().traceId(0x80f198ee56343ba8L, 0x64fe8b2a57d3eff7L)
                .parentId(0xe457b5a2e4d86bd1L).samplingPriority(2).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(Map.entry("b3", TRACE_128 + "-" + SPAN + "-1"));
    }

    @Test
    void inject_64bitWithoutPriority_writes16DigitsAndNoSampling() {
        TraceContext ctx = TraceContext.builder().traceId(0, 0x64fe8b2a57d3eff7L).parentId(0xe457b5a2e4d86bd1L).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(Map.entry("b3", TRACE_64 + "-" + SPAN));
    }

    @Test
    void inject_userReject_writesZero() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(2).samplingPriority(-1).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(Map.entry("b3", "0000000000000001-0000000000000002-0"));
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                argumentSet("64-bit, no priority", TraceContext.builder().traceId(0, 42).parentId(11).build()),
                argumentSet("128-bit, kept", TraceContext.builder().traceId(-1L, -1L).parentId(-1L).samplingPriority(1).build()),
                argumentSet("128-bit, dropped", TraceContext.builder()
                        .traceId(0x80f198ee56343ba8L, 0x64fe8b2a57d3eff7L).parentId(0xe457b5a2e4d86bd1L).samplingPriority(0).build()));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void injectThenExtract_givesSameIdsAndPriority(TraceContext original) {
        RoundTrip.of(FORMAT, original);
    }
}
