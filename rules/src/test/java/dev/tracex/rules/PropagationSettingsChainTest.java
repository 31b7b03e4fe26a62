package dev.tracex.rules;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.PropagationSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-ins under the function's tracer settings: rules without {@code styles:} read what the settings say,
 * and {@code builtin.default} reads an X-Ray root in an SQS message's AWSTraceHeader only with the xray style.
 */
class PropagationSettingsChainTest {
    private static Extraction run(Map<String, String> env, String rule, String event) throws Exception {
        return Extractors.builtins(PropagationSettings.fromEnvironment(env)).extractor(rule)
                .extract(Fixtures.event(event), InvocationContext.NONE);
    }

    @Test
    void default_xrayRootInAwsTraceHeader_datadogSettings_startsANewTrace() throws Exception {
        // What Datadog's libraries do: an AWSTraceHeader whose root no Datadog tracer wrote is no parent.
        assertThat(run(Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog,tracecontext,baggage"), "default", "sqs_xray_event.json").parent())
                .isEmpty();
    }

    @Test
    void default_xrayRootInAwsTraceHeader_otelWithXray_continuesIt() throws Exception {
        Extraction e = run(Map.of("OTEL_PROPAGATORS", "tracecontext,baggage,xray"), "default", "sqs_xray_event.json");

        assertThat(e.parent()).hasValueSatisfying(c -> {
            assertThat(c.rule()).isEqualTo("builtin.sqs_xray_record");
            assertThat(c.traceIdHex()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        });
    }

    @Test
    void default_xrayRootInAwsTraceHeader_nothingSet_continuesItAsBefore() throws Exception {
        assertThat(run(Map.of(), "default", "sqs_xray_event.json").parent()).isPresent();
    }

    @Test
    void default_datadogWrittenAwsTraceHeader_anySettings_isRead() throws Exception {
        // The Datadog-form AWSTraceHeader is read by a rule that names its style, as Datadog's libraries read it.
        assertThat(run(Map.of("OTEL_PROPAGATORS", "tracecontext"), "default", "sqs_aws_trace_header_event.json").parent()).isPresent();
    }

    @Test
    void http_b3Headers_datadogWithoutB3_areNotRead() throws Exception {
        assertThat(run(Map.of(), "http", "alb_multivalue_event.json").parent()).isPresent();
        assertThat(run(Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog,tracecontext"), "http", "alb_multivalue_event.json").parent()).isEmpty();
        assertThat(run(Map.of("OTEL_PROPAGATORS", "b3"), "http", "alb_multivalue_event.json").parent()).isPresent();
    }

    @Test
    void sqs_otelBaggage_settingsWithoutBaggage_dropIt() throws Exception {
        Extraction with = run(Map.of("OTEL_PROPAGATORS", "tracecontext,baggage"), "sqs", "sqs_otel_event.json");
        Extraction without = run(Map.of("OTEL_PROPAGATORS", "tracecontext"), "sqs", "sqs_otel_event.json");

        assertThat(with.parent().orElseThrow().baggage()).containsEntry("userId", "alice");
        assertThat(without.parent().orElseThrow().baggage()).isEmpty();
        assertThat(without.parent().orElseThrow().traceIdHex()).isEqualTo(with.parent().orElseThrow().traceIdHex());
    }

    @Test
    void default_none_findsNothingInHeaders() throws Exception {
        assertThat(run(Map.of("OTEL_PROPAGATORS", "none"), "default", "apigw_v1_event.json").parent()).isEmpty();
    }
}
