package dev.tracex.lambda.internal.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.ChildJvm;
import dev.tracex.lambda.functions.WithoutOptionalLibraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter without its optional dependencies: a child JVM whose class path has no OpenTelemetry, no
 * CRaC and no SLF4J provider. The SLF4J API itself stays: the engine's JSONPath library (Jayway) needs it
 * at run time, so a function always has it; without a provider its MDC keeps nothing.
 */
class OptionalLibrariesTest {
    @TempDir
    Path dir;

    @Test
    void tracingHandler_withoutOpenTelemetryCracAndSlf4jProvider_extractsAndHandsOff() throws Exception {
        String cp = ChildJvm.classPath(e -> !e.contains("opentelemetry") && !e.contains("slf4j-jdk14") && !e.contains("crac"));
        Path event = Path.of(OptionalLibrariesTest.class.getResource("/events/sqs_event.json").toURI());
        ChildJvm.Result r = ChildJvm.run(cp, Map.of(
                "DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.PlainHandler::handle",
                "DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs"), dir, 60,
                WithoutOptionalLibraries.class.getName(), event.toString());

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stderr()).contains("visible io.opentelemetry.context.Context false", "visible org.crac.Core false",
                "visible org.slf4j.MDC true", "mdc provider org.slf4j.helpers.NOPMDCAdapter", "after call: {}");
        JsonNode seen = new ObjectMapper().readTree(r.stdout());
        assertThat(seen.get("records").asInt()).isEqualTo(2);
        assertThat(seen.get("trace_id").asText()).isEqualTo("2684756524522091840");
        assertThat(seen.get("parent_id").asText()).isEqualTo("7431398482019833808");
        assertThat(seen.get("headers").get("traceparent").asText()).isEqualTo("00-000000000000000025422bd5a88d3540-6721a18bd12b57d0-01");
    }
}
