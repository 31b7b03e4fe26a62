package dev.tracex.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code tracex extract} and {@code explain} read the tracers' propagation variables as a function does. */
class PropagationVariablesCommandTest {
    @TempDir
    Path dir;

    private String event;

    @BeforeEach
    void xrayRootedSqsMessage() throws Exception {
        // An SQS message whose AWSTraceHeader root no Datadog tracer wrote (a 128-bit X-Ray id).
        event = Files.writeString(dir.resolve("sqs_xray_event.json"), """
                {"Records": [{"messageId": "fde33907-bdf2-4e37-bb5b-f19c4f0e5ec2", "body": "Hello World",
                  "attributes": {"AWSTraceHeader": "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"},
                  "messageAttributes": {}, "eventSource": "aws:sqs"}]}
                """).toString();
    }

    @Test
    void extract_datadogSettings_findsNoParentInAnXrayRoot() {
        CommandRun run = CommandRun.withEnvironment(Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog,tracecontext"), "extract", event);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().replaceAll("\\s", "")).isEqualTo("{\"context\":null,\"rule\":\"builtin.default\"}");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void extract_otelWithXray_continuesTheXrayRoot() {
        CommandRun run = CommandRun.withEnvironment(Map.of("OTEL_PROPAGATORS", "tracecontext,baggage,xray"), "extract", event);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("\"rule\" : \"builtin.sqs_xray_record\"", "5759e988bd862e3fe1be46a994272793");
    }

    @Test
    void explain_saysWhichSettingChoseTheStyles() {
        CommandRun run = CommandRun.withEnvironment(Map.of("DD_TRACE_PROPAGATION_STYLE_EXTRACT", "datadog",
                "OTEL_PROPAGATORS", "xray"), "explain", event);

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("styles datadog (from DD_TRACE_PROPAGATION_STYLE_EXTRACT=datadog)\n"
                + "rule \"builtin.default\": FirstOf(");
        assertThat(run.out()).contains("rule \"sqs_xray_record\": Headers($.attributes.AWSTraceHeader | xray-carrier, styles=[datadog], no baggage)")
                .endsWith("answer: no context\n");
    }

    @Test
    void explain_systemPropertyOverItsVariable_isNamedAsTheSetting() {
        Properties properties = new Properties();
        properties.setProperty("otel.propagators", "tracecontext,xray");
        CommandRun run = CommandRun.withSettings(Map.of("OTEL_PROPAGATORS", "datadog"), properties, "explain", event);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("styles tracecontext, xray (from otel.propagators=tracecontext,xray)\n");
        assertThat(run.out()).contains("answer: rule \"builtin.sqs_xray_record\" found trace_id ");
    }

    @Test
    void explain_noVariable_printsNoStylesLine() {
        CommandRun run = CommandRun.withEnvironment(Map.of(), "explain", event);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("rule \"builtin.default\": FirstOf(");
    }

    @Test
    void extract_unknownStyleName_isReportedOnStandardError() {
        CommandRun run = CommandRun.withEnvironment(Map.of("OTEL_PROPAGATORS", "jaeger,xray"), "extract", event);

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEqualTo("OTEL_PROPAGATORS: \"jaeger\" is not a style tracex reads, skipped "
                + "(known: tracecontext, baggage, b3, b3multi, xray, xray-lambda, none)\n");
    }
}
