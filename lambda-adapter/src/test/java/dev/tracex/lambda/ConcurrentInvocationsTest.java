package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.functions.ConcurrentWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several invocations at once in one process, as Lambda Managed Instances run a Java function: the real Runtime
 * Interface Client 2.10.1 with {@code AWS_LAMBDA_MAX_CONCURRENCY=4} runs four handler threads against a threaded
 * loopback Runtime API, the function laid out as on Lambda. Every invocation has its own context (half in the
 * event's headers, half only in Lambda's X-Ray header, {@code DD_MERGE_XRAY_TRACES=true}); the process-wide
 * X-Ray property and environment variable hold a stale header that belongs to no invocation. Each invocation
 * must see only its own parent, through every channel, before and after the others ran beside it.
 */
class ConcurrentInvocationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STALE_XRAY = "Root=1-00000000-000000000000000000000bad;Parent=0000000000000bad;Sampled=1";

    @TempDir
    Path taskRoot;

    @Test
    void maxConcurrency_invocationsSideBySide_eachSeesOnlyItsOwnContext() throws Exception {
        Map<String, String> expectedParent = new LinkedHashMap<>();
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction f = LambdaFunctionJvm.laidOut(taskRoot).julAtFine().env(Map.of(
                     "DD_LAMBDA_HANDLER", ConcurrentWork.class.getName(),
                     "AWS_LAMBDA_MAX_CONCURRENCY", Integer.toString(ConcurrentWork.AT_ONCE),
                     "DD_MERGE_XRAY_TRACES", "true",
                     "_X_AMZN_TRACE_ID", STALE_XRAY))
                     .jvmOptions("-Dcom.amazonaws.xray.traceHeader=" + STALE_XRAY).start("concurrent", api)) {
            for (int i = 1; i <= 2 * ConcurrentWork.AT_ONCE; i++) {
                String id = "req-" + i;
                long parent = 1000 + i;
                String xrayParent = String.format("%016x", 0x53995c3f42cd8a00L + i);
                String xray = "Root=1-5759e988-bd862e3fe1be46a9942727" + String.format("%02x", i) + ";Parent=" + xrayParent + ";Sampled=1";
                if (i % 2 == 0) {
                    api.enqueue(id, ("{\"headers\": {\"x-datadog-trace-id\": \"" + (500 + i) + "\", \"x-datadog-parent-id\": \""
                            + parent + "\", \"x-datadog-sampling-priority\": \"1\"}}").getBytes(StandardCharsets.UTF_8),
                            Map.of("Lambda-Runtime-Trace-Id", xray));
                    expectedParent.put(id, String.format("%016x", parent));
                } else {
                    api.enqueue(id, "{\"order\": 1}".getBytes(StandardCharsets.UTF_8), Map.of("Lambda-Runtime-Trace-Id", xray));
                    expectedParent.put(id, xrayParent);
                }
            }
            Set<String> threads = new HashSet<>();
            for (Map.Entry<String, String> e : expectedParent.entrySet()) {
                RuntimeApiServer.Outcome o = f.await(e.getKey(), 90);
                assertThat(o.error()).as(o.body()).isFalse();
                JsonNode seen = JSON.readTree(o.body());
                assertThat(seen.get("together").asText()).as("%s ran beside %d others: %s", e.getKey(), ConcurrentWork.AT_ONCE - 1, o.body())
                        .isEqualTo("true");
                threads.add(seen.get("thread").asText());
                for (String when : List.of("before", "after")) {
                    assertThat(seen.get(when + ".request_id").asText()).isEqualTo(e.getKey());
                    assertThat(seen.get(when + ".xray").asText()).as(o.body()).doesNotContain("bad");
                    assertThat(seen.get(when + ".tracex_parent").asText()).as(when + " " + o.body()).isEqualTo(e.getValue());
                    assertThat(seen.get(when + ".otel_span").asText()).as(when + " " + o.body()).isEqualTo(e.getValue());
                    assertThat(Long.toHexString(Long.parseUnsignedLong(seen.get(when + ".mdc_span").asText())))
                            .as(when + " " + o.body()).isEqualTo(e.getValue().replaceFirst("^0+", ""));
                    assertThat(seen.get(when + ".client_traceparent").asText()).as(when + " " + o.body()).contains("-" + e.getValue() + "-");
                }
            }
            assertThat(threads).as("handler threads").hasSize(ConcurrentWork.AT_ONCE);
            assertThat(f.log()).contains("Starting " + ConcurrentWork.AT_ONCE + " concurrent function handler threads");
        }
    }
}
