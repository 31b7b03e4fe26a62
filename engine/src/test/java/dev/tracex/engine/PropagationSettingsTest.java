package dev.tracex.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** The tracers' propagation variables read as each tracer documents its names, and their precedence. */
class PropagationSettingsTest {
    static Stream<Arguments> names() {
        return Stream.of(
                argumentSet("Datadog's default", Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog,tracecontext,baggage"),
                        List.of("datadog", "tracecontext"), true),
                argumentSet("dd-trace-java: b3 is B3 multi", Map.of("DD_TRACE_PROPAGATION_STYLE", "b3"), List.of("b3multi"), false),
                argumentSet("dd-trace-java: b3 single header", Map.of("DD_TRACE_PROPAGATION_STYLE", "B3 single header, b3multi"),
                        List.of("b3", "b3multi"), false),
                argumentSet("Datadog xray", Map.of("DD_TRACE_PROPAGATION_STYLE", "xray,datadog"), List.of("xray", "datadog"), false),
                argumentSet("OpenTelemetry's Lambda layer", Map.of("OTEL_PROPAGATORS", "tracecontext,baggage,xray"),
                        List.of("tracecontext", "xray"), true),
                argumentSet("OpenTelemetry: b3 extracts either B3 form", Map.of("OTEL_PROPAGATORS", "b3"), List.of("b3", "b3multi"), false),
                argumentSet("OpenTelemetry: b3multi too", Map.of("OTEL_PROPAGATORS", "b3multi"), List.of("b3", "b3multi"), false),
                argumentSet("OpenTelemetry: xray-lambda", Map.of("OTEL_PROPAGATORS", "xray-lambda"), List.of("xray"), false),
                argumentSet("none", Map.of("OTEL_PROPAGATORS", "none"), List.of(), false),
                argumentSet("none beside others is ignored", Map.of("DD_TRACE_PROPAGATION_STYLE", "none,datadog"), List.of("datadog"), false));
    }

    @ParameterizedTest
    @MethodSource("names")
    void fromEnvironment_mapsEachTracersNames(Map<String, String> env, List<String> styles, boolean baggage) {
        PropagationSettings s = PropagationSettings.fromEnvironment(env);

        assertThat(s.styles()).isEqualTo(styles);
        assertThat(s.baggage()).isEqualTo(baggage);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void fromEnvironment_extractBeforeStyleBeforeOtel() {
        PropagationSettings s = PropagationSettings.fromEnvironment(Map.of(
                "DD_TRACE_PROPAGATION_STYLE_EXTRACT", "tracecontext",
                "DD_TRACE_PROPAGATION_STYLE", "datadog",
                "OTEL_PROPAGATORS", "xray"));
        PropagationSettings t = PropagationSettings.fromEnvironment(Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog", "OTEL_PROPAGATORS", "xray"));

        assertThat(s.styles()).containsExactly("tracecontext");
        assertThat(s.describe()).isEqualTo("styles tracecontext (from DD_TRACE_PROPAGATION_STYLE_EXTRACT=tracecontext)");
        assertThat(t.styles()).containsExactly("datadog");
        assertThat(t.variable()).contains("DD_TRACE_PROPAGATION_STYLE");
    }

    @Test
    void fromEnvironment_nothingSet_isTodaysDefault() {
        PropagationSettings s = PropagationSettings.fromEnvironment(Map.of("DD_TRACE_PROPAGATION_STYLE", " "));

        assertThat(s).isEqualTo(PropagationSettings.DEFAULT);
        assertThat(s.styles()).containsExactly("datadog", "tracecontext", "b3", "b3multi", "xray");
        assertThat(s.variable()).isEmpty();
        assertThat(s.describe()).isEqualTo("styles datadog, tracecontext, b3, b3multi, xray, baggage (tracex's default: "
                + "DD_TRACE_PROPAGATION_STYLE_EXTRACT, DD_TRACE_PROPAGATION_STYLE and OTEL_PROPAGATORS unset)");
    }

    @Test
    void fromEnvironment_unknownName_isSkippedAndReported() {
        PropagationSettings s = PropagationSettings.fromEnvironment(Map.of("OTEL_PROPAGATORS", "jaeger,tracecontext"));

        assertThat(s.styles()).containsExactly("tracecontext");
        assertThat(s.problems()).containsExactly("OTEL_PROPAGATORS: \"jaeger\" is not a style tracex reads, skipped "
                + "(known: tracecontext, baggage, b3, b3multi, xray, xray-lambda, none)");
    }

    @Test
    void fromEnvironment_onlyUnknownNames_fallsToTheNextSetting() {
        PropagationSettings s = PropagationSettings.fromEnvironment(Map.of("DD_TRACE_PROPAGATION_STYLE", "haystack", "OTEL_PROPAGATORS", "xray"));

        assertThat(s.styles()).containsExactly("xray");
        assertThat(s.variable()).contains("OTEL_PROPAGATORS");
        assertThat(s.problems()).hasSize(1).first().asString().startsWith("DD_TRACE_PROPAGATION_STYLE: \"haystack\"");
    }
}
