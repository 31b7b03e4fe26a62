package dev.tracex.engine.propagation;

import static dev.tracex.engine.propagation.PropagationStyle.B3_MULTI;
import static dev.tracex.engine.propagation.PropagationStyle.B3_SINGLE;
import static dev.tracex.engine.propagation.PropagationStyle.DATADOG;
import static dev.tracex.engine.propagation.PropagationStyle.DEFAULTS;
import static dev.tracex.engine.propagation.PropagationStyle.TRACECONTEXT;
import static dev.tracex.engine.propagation.PropagationStyle.XRAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

class PropagationStyleTest {
    // Each format carries a different trace id, so the winner is visible in the result.
    private static final Map<String, String> DATADOG_HEADERS = Map.of(
            "x-datadog-trace-id", "1", "x-datadog-parent-id", "11");
    private static final Map<String, String> W3C_HEADERS = Map.of(
            "traceparent", "00-00000000000000000000000000000002-0000000000000016-01");
    private static final Map<String, String> B3_SINGLE_HEADERS = Map.of(
            "b3", "0000000000000003-0000000000000021-1");
    private static final Map<String, String> B3_MULTI_HEADERS = Map.of(
            "x-b3-traceid", "0000000000000004", "x-b3-spanid", "000000000000002c");
    private static final Map<String, String> XRAY_HEADERS = Map.of(
            "x-amzn-trace-id", "Root=1-00000000-000000000000000000000005;Parent=0000000000000037");
    private static final Map<String, String> INVALID_DATADOG_HEADERS = Map.of(
            "x-datadog-trace-id", "0", "x-datadog-parent-id", "11");

    @SafeVarargs
    private static HeaderCarrier carrier(Map<String, String>... maps) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map<String, String> m : maps) {
            all.putAll(m);
        }
        return HeaderCarrier.of(all);
    }

    static Stream<Arguments> extractOrder() {
        return Stream.of(
                argumentSet("defaults: Datadog first", DEFAULTS,
                        carrier(DATADOG_HEADERS, W3C_HEADERS, B3_SINGLE_HEADERS, B3_MULTI_HEADERS, XRAY_HEADERS), "datadog", 1L),
                argumentSet("defaults: W3C second", DEFAULTS,
                        carrier(W3C_HEADERS, B3_SINGLE_HEADERS, B3_MULTI_HEADERS, XRAY_HEADERS), "tracecontext", 2L),
                argumentSet("defaults: b3 single before multi", DEFAULTS,
                        carrier(B3_SINGLE_HEADERS, B3_MULTI_HEADERS, XRAY_HEADERS), "b3", 3L),
                argumentSet("defaults: b3 multi before X-Ray", DEFAULTS,
                        carrier(B3_MULTI_HEADERS, XRAY_HEADERS), "b3multi", 4L),
                argumentSet("defaults: X-Ray last", DEFAULTS, carrier(XRAY_HEADERS), "xray", 5L),
                argumentSet("invalid Datadog headers fall through", DEFAULTS,
                        carrier(INVALID_DATADOG_HEADERS, B3_MULTI_HEADERS), "b3multi", 4L),
                argumentSet("configured order wins", List.of(XRAY, TRACECONTEXT, DATADOG),
                        carrier(DATADOG_HEADERS, W3C_HEADERS, XRAY_HEADERS), "xray", 5L),
                argumentSet("W3C before Datadog when configured", List.of(TRACECONTEXT, DATADOG),
                        carrier(DATADOG_HEADERS, W3C_HEADERS), "tracecontext", 2L),
                argumentSet("styles not listed are not read", List.of(B3_MULTI),
                        carrier(DATADOG_HEADERS, W3C_HEADERS, B3_MULTI_HEADERS), "b3multi", 4L));
    }

    @ParameterizedTest
    @MethodSource("extractOrder")
    void extract_severalFormats_firstListedValidOneWins(List<PropagationStyle> styles, HeaderCarrier carrier,
            String format, long traceIdLow) {
        Optional<TraceContext> ctx = PropagationStyle.extract(carrier, styles);

        assertThat(ctx).isPresent();
        assertThat(ctx.get().format()).isEqualTo(format);
        assertThat(ctx.get().traceIdLow()).isEqualTo(traceIdLow);
    }

    @Test
    void extract_nothingValid_isEmpty() {
        assertThat(PropagationStyle.extract(carrier(INVALID_DATADOG_HEADERS, Map.of("b3", "0")), DEFAULTS)).isEmpty();
    }

    @Test
    void extract_onlyUnlistedFormatPresent_isEmpty() {
        assertThat(PropagationStyle.extract(carrier(XRAY_HEADERS), List.of(DATADOG, TRACECONTEXT))).isEmpty();
    }

    // Datadog headers always carry trace id 1 (lower bits) and parent 99.
    static Stream<Arguments> tracestateKeeping() {
        String congo = "congo=t61rcWkgMzE";
        return Stream.of(
                argumentSet("same 64-bit trace id: kept", DEFAULTS, null,
                        "00-00000000000000000000000000000001-000000000000000b-01", "dd=s:2," + congo, "dd=s:2," + congo),
                argumentSet("Datadog without tid, W3C with upper bits: kept", DEFAULTS, null,
                        "00-640cfd8d000000000000000000000001-000000000000000b-01", congo, congo),
                argumentSet("same 128-bit trace id: kept", DEFAULTS, "_dd.p.tid=640cfd8d00000000",
                        "00-640cfd8d000000000000000000000001-000000000000000b-01", congo, congo),
                argumentSet("different lower bits: not kept", DEFAULTS, null,
                        "00-00000000000000000000000000000002-000000000000000b-01", congo, null),
                argumentSet("different upper bits: not kept", DEFAULTS, "_dd.p.tid=640cfd8d00000000",
                        "00-740cfd8d000000000000000000000001-000000000000000b-01", congo, null),
                argumentSet("invalid traceparent: not kept", DEFAULTS, null,
                        "00-00000000000000000000000000000001-000000000000000b-0", congo, null),
                argumentSet("W3C not among the styles: not kept", List.of(DATADOG, B3_SINGLE), null,
                        "00-00000000000000000000000000000001-000000000000000b-01", congo, null));
    }

    @ParameterizedTest
    @MethodSource("tracestateKeeping")
    void extract_datadogWinsOverW3c_keepsTracestateOnlyForSameTrace(List<PropagationStyle> styles, String ddTags,
            String traceparent, String tracestate, String expectedTracestate) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-datadog-trace-id", "1");
        headers.put("x-datadog-parent-id", "99");
        if (ddTags != null) {
            headers.put("x-datadog-tags", ddTags);
        }
        headers.put("traceparent", traceparent);
        headers.put("tracestate", tracestate);

        TraceContext ctx = PropagationStyle.extract(HeaderCarrier.of(headers), styles).orElseThrow();

        assertThat(ctx.format()).isEqualTo("datadog");
        assertThat(ctx.parentId()).isEqualTo(99L);
        assertThat(ctx.tracestate().orElse(null)).isEqualTo(expectedTracestate);
    }

    @Test
    void extract_keptTracestate_doesNotChangeDatadogPriority() {
        HeaderCarrier carrier = HeaderCarrier.of(Map.of(
                "x-datadog-trace-id", "1", "x-datadog-parent-id", "99", "x-datadog-sampling-priority", "-1",
                "traceparent", "00-00000000000000000000000000000001-000000000000000b-01", "tracestate", "dd=s:2;o:rum"));

        TraceContext ctx = PropagationStyle.extract(carrier, DEFAULTS).orElseThrow();

        assertThat(ctx.samplingPriority()).hasValue(-1);
        assertThat(ctx.origin()).isEmpty();
        assertThat(ctx.tracestate()).hasValue("dd=s:2;o:rum");
    }

    @Test
    void injectAllThenExtractEach_givesSameIds() {
        TraceContext ctx = TraceContext.builder().traceId(0x5759e988bd862e3fL, 0xe1be46a994272793L)
                .parentId(0x53995c3f42cd8ad8L).samplingPriority(1).build();

        Map<String, String> headers = PropagationStyle.inject(ctx, DEFAULTS);

        assertThat(headers).containsOnlyKeys("x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
                "x-datadog-tags", "traceparent", "tracestate", "b3", "x-b3-traceid", "x-b3-spanid", "x-b3-sampled",
                "x-amzn-trace-id");
        for (PropagationStyle style : DEFAULTS) {
            TraceContext back = style.format().extract(HeaderCarrier.of(headers));
            assertThat(back).as(style.name()).isNotNull();
            assertThat(back.traceIdHex()).as(style.name()).isEqualTo("5759e988bd862e3fe1be46a994272793");
            assertThat(back.parentId()).as(style.name()).isEqualTo(0x53995c3f42cd8ad8L);
            assertThat(back.samplingPriority()).as(style.name()).hasValue(1);
            assertThat(back.format()).as(style.name()).isEqualTo(style.format().name());
        }
    }

    static Stream<Arguments> names() {
        return Stream.of(
                argumentSet("datadog", "datadog", List.of(DATADOG)),
                argumentSet("tracecontext", "tracecontext", List.of(TRACECONTEXT)),
                argumentSet("b3 is both forms", "b3", List.of(B3_SINGLE, B3_MULTI)),
                argumentSet("b3multi", "b3multi", List.of(B3_MULTI)),
                argumentSet("b3 single header, any case and padding", " B3 Single Header ", List.of(B3_SINGLE)),
                argumentSet("xray", "XRay", List.of(XRAY)));
    }

    @ParameterizedTest
    @MethodSource("names")
    void parse_knownName_givesStyles(String name, List<PropagationStyle> styles) {
        assertThat(PropagationStyle.parse(name)).hasValue(styles);
    }

    @Test
    void parse_unknownName_isEmpty() {
        assertThat(PropagationStyle.parse("jaeger")).isEmpty();
    }

    @Test
    void distinct_repeatedStyles_keepFirstPosition() {
        assertThat(PropagationStyle.distinct(List.of(List.of(B3_MULTI), List.of(B3_SINGLE, B3_MULTI), List.of(DATADOG))))
                .containsExactly(B3_MULTI, B3_SINGLE, DATADOG);
    }
}
