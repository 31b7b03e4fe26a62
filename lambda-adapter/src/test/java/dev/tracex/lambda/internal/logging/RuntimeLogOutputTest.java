package dev.tracex.lambda.internal.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeLogOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void json_messageWithQuotesAndLineBreaks_isOneLineOfJsonInTheRuntimesShape() throws Exception {
        String line = RuntimeLogOutput.json(LogLevel.WARN, "dev.tracex.lambda",
                "DD_TRACE_EXTRACTOR=x.sqs cannot be used: x.yaml:3:29: rule \"sqs\": unknown step \"b64\"\nx.yaml:5:1: rule \"a\\b\"",
                "8f5c6d3e-1b2a-4c5d-9e8f-0a1b2c3d4e5f", 1_764_599_192_123L);

        assertThat(line).endsWith("}\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        JsonNode n = JSON.readTree(line);
        assertThat(n.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("timestamp", "level", "message", "logger", "AWSRequestId");
        assertThat(n.get("timestamp").asText()).isEqualTo("2025-12-01T14:26:32.123Z");
        assertThat(n.get("level").asText()).isEqualTo("WARN");
        assertThat(n.get("message").asText()).isEqualTo(
                "DD_TRACE_EXTRACTOR=x.sqs cannot be used: x.yaml:3:29: rule \"sqs\": unknown step \"b64\"\nx.yaml:5:1: rule \"a\\b\"");
        assertThat(n.get("logger").asText()).isEqualTo("dev.tracex.lambda");
        assertThat(n.get("AWSRequestId").asText()).isEqualTo("8f5c6d3e-1b2a-4c5d-9e8f-0a1b2c3d4e5f");
    }

    @Test
    void json_outsideAnInvocation_hasNoRequestId() throws Exception {
        JsonNode n = JSON.readTree(RuntimeLogOutput.json(LogLevel.DEBUG, "dev.tracex.engine", "rule \"sqs\": no context", null, 0));

        assertThat(n.has("AWSRequestId")).isFalse();
        assertThat(n.get("timestamp").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void appliesHere_outsideALambdaRuntime_isFalse() {
        // Here LambdaRuntime's logger is its stand-in printing to stdout: tracex's lines must not go there.
        assertThat(new RuntimeLogOutput().appliesHere()).isFalse();
    }
}
