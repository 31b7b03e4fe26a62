package dev.tracex.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * {@code builtin.stepfunctions} on every shape of the context object. The expected ids come from a
 * separate SHA-256 computation written here from Datadog's description (BigInteger arithmetic, not the
 * engine's step), over the fields read from the fixture.
 */
class StepFunctionsRuleTest {
    static Stream<Arguments> events() {
        return Stream.of(
                argumentSet("context object at the top", "stepfunctions_event.json", "builtin.stepfunctions_context"),
                argumentSet("retried and redriven", "stepfunctions_retry_event.json", "builtin.stepfunctions_context"),
                argumentSet("legacy Lambda integration: Payload", "stepfunctions_payload_event.json", "builtin.stepfunctions_payload"),
                argumentSet("_datadog from Datadog's template", "stepfunctions_datadog_event.json", "builtin.stepfunctions_datadog"),
                argumentSet("Payload._datadog", "stepfunctions_payload_datadog_event.json", "builtin.stepfunctions_payload_datadog"),
                argumentSet("nested: RootExecutionId", "stepfunctions_root_execution_event.json", "builtin.stepfunctions_datadog"),
                argumentSet("started by a traced Lambda", "stepfunctions_lambda_root_event.json", "builtin.stepfunctions_datadog"));
    }

    @ParameterizedTest
    @MethodSource("events")
    void extract_stepFunctionsEvent_givesDatadogsHashedIds(String fixture, String rule) throws Exception {
        JsonNode event = Fixtures.event(fixture);
        JsonNode ctx = event.has("Payload") ? event.get("Payload") : event;
        ctx = ctx.has("_datadog") ? ctx.get("_datadog") : ctx;
        String executionId = ctx.get("Execution").get("Id").asText();
        long retries = ctx.get("State").path("RetryCount").asLong(0);
        long redrives = ctx.get("Execution").path("RedriveCount").asLong(0);
        String parentText = executionId + "#" + ctx.get("State").get("Name").asText() + "#"
                + ctx.get("State").get("EnteredTime").asText()
                + (retries != 0 || redrives != 0 ? "#" + retries + "#" + redrives : "");

        String expectedTraceId;
        String expectedHigh;
        if (ctx.has("x-datadog-trace-id")) {
            expectedTraceId = ctx.get("x-datadog-trace-id").asText();
            expectedHigh = ctx.get("x-datadog-tags").asText().replaceAll(".*_dd\\.p\\.tid=([0-9a-f]{16}).*", "$1");
        } else {
            String root = ctx.has("RootExecutionId") ? ctx.get("RootExecutionId").asText() : executionId;
            expectedTraceId = hashedId(root, 8).toString();
            expectedHigh = String.format("%016x", hashedId(root, 0));
        }

        for (String selected : new String[] {"stepfunctions", "default"}) {
            Extraction found = Extractors.builtins().extractor(selected).extract(event);
            TraceContext c = found.parent().orElseThrow();
            assertThat(c.rule()).isEqualTo(rule);
            assertThat(c.traceId()).isEqualTo(expectedTraceId);
            assertThat(c.traceIdHex()).startsWith(expectedHigh);
            assertThat(c.parentIdDecimal()).isEqualTo(hashedId(parentText, 0).toString());
            assertThat(c.samplingPriority()).hasValue(1);
            assertThat(c.origin()).hasValue("states");
        }
    }

    /** 8 bytes of SHA-256(text) from {@code from}, unsigned big-endian, bit 63 cleared, 1 if zero. */
    private static BigInteger hashedId(String text, int from) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        BigInteger v = new BigInteger(1, Arrays.copyOfRange(hash, from, from + 8)).clearBit(63);
        return v.signum() == 0 ? BigInteger.ONE : v;
    }
}
