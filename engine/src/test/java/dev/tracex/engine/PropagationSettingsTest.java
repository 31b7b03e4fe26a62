package dev.tracex.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Properties;
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

    static Properties properties(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    static Stream<Arguments> systemProperties() {
        return Stream.of(
                argumentSet("dd.trace.propagation.style.extract over its variable",
                        Map.of("DD_TRACE_PROPAGATION_STYLE_EXTRACT", "datadog"),
                        properties("dd.trace.propagation.style.extract", "tracecontext"),
                        List.of("tracecontext"), "dd.trace.propagation.style.extract"),
                argumentSet("dd.trace.propagation.style over its variable",
                        Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog"), properties("dd.trace.propagation.style", "b3multi"),
                        List.of("b3multi"), "dd.trace.propagation.style"),
                argumentSet("otel.propagators over its variable",
                        Map.of("OTEL_PROPAGATORS", "tracecontext"), properties("otel.propagators", "xray"),
                        List.of("xray"), "otel.propagators"),
                argumentSet("a property alone", Map.of(), properties("otel.propagators", "b3"), List.of("b3", "b3multi"),
                        "otel.propagators"),
                argumentSet("between keys the order holds: the extract variable over the style property",
                        Map.of("DD_TRACE_PROPAGATION_STYLE_EXTRACT", "xray"), properties("dd.trace.propagation.style", "datadog"),
                        List.of("xray"), "DD_TRACE_PROPAGATION_STYLE_EXTRACT"),
                argumentSet("the Datadog style property over otel.propagators",
                        Map.of(), properties("dd.trace.propagation.style", "datadog", "otel.propagators", "xray"),
                        List.of("datadog"), "dd.trace.propagation.style"),
                argumentSet("a blank property is unset: its variable decides",
                        Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog"), properties("dd.trace.propagation.style", " "),
                        List.of("datadog"), "DD_TRACE_PROPAGATION_STYLE"));
    }

    @ParameterizedTest
    @MethodSource("systemProperties")
    void fromEnvironment_systemPropertyWinsOverItsVariable(Map<String, String> env, Properties properties, List<String> styles,
                                                           String setting) {
        PropagationSettings s = PropagationSettings.fromEnvironment(env, properties);

        assertThat(s.styles()).isEqualTo(styles);
        assertThat(s.variable()).contains(setting);
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void fromEnvironment_unknownNameInAProperty_isReportedUnderItsName() {
        PropagationSettings s = PropagationSettings.fromEnvironment(Map.of("OTEL_PROPAGATORS", "xray"),
                properties("otel.propagators", "ottrace,tracecontext"));

        assertThat(s.styles()).containsExactly("tracecontext");
        assertThat(s.describe()).isEqualTo("styles tracecontext (from otel.propagators=ottrace,tracecontext)");
        assertThat(s.problems()).containsExactly("otel.propagators: \"ottrace\" is not a style tracex reads, skipped "
                + "(known: tracecontext, baggage, b3, b3multi, xray, xray-lambda, none)");
    }
}
