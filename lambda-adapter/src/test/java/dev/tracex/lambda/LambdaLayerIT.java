package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tracex's layer alone on a function that knows nothing of tracex ({@link LayerFunction}): the zip as built by
 * {@code mvn package}, unzipped at /opt, {@code AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper}, the real runtime
 * client, events from the loopback Runtime API. The handler, still configured as the function's own, sees the
 * extracted parent in its client context, and tracex's classes come from /opt/java/lib.
 */
class LambdaLayerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The parent the SQS fixture carries (Datadog's 64-bit ids in its {@code _datadog} message attribute). */
    private static final String SQS_PARENT = "00-000000000000000025422bd5a88d3540-6721a18bd12b57d0-";
    private static final String ORDER_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String ORDER_EVENT = "{\"order\": 7, \"meta\": {\"traceparent\": \"" + ORDER_TRACEPARENT + "\"}}";
    private static final String RULES = "extractors:\n  orders:\n    headers: $.meta\n";
    /** {@code orders_js} spreads, outside the compiled subset: GraalJS runs it. {@code orders_compiled} compiles. */
    private static final String JS_RULES = "extractors:\n  orders_js:\n    js: (payload) => ({ ...payload.meta })\n"
            + "  orders_compiled:\n    js: (payload) => payload.meta\n";

    @TempDir
    Path dir;

    @Test
    void layerZips_asBuilt_holdTheWrapperExecutableAndNoGraalVmInTheYamlLayer() throws IOException {
        Path layer = LayerFunction.builtZip("tracex.test.layerZip");
        Path js = LayerFunction.builtZip("tracex.test.layerJsZip");
        assertThat(PosixFilePermissions.toString(LayerFunction.permissionsInZip(layer, "tracex-wrapper"))).isEqualTo("rwxr-xr-x");
        try (ZipFile zip = new ZipFile(layer.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".jar")))
                    .allMatch(n -> n.startsWith("java/lib/"))
                    .anyMatch(n -> n.startsWith("java/lib/tracex-lambda-adapter-"))
                    .anyMatch(n -> n.startsWith("java/lib/tracex-engine-"))
                    .anyMatch(n -> n.startsWith("java/lib/tracex-rules-"))
                    .anyMatch(n -> n.startsWith("java/lib/snakeyaml-"))
                    .noneMatch(n -> n.contains("polyglot") || n.contains("truffle") || n.contains("js-language"))
                    // On the runtime's own class path, which the function's class loader asks first.
                    .noneMatch(n -> n.contains("aws-lambda-java-core") || n.contains("aws-lambda-java-serialization"))
                    .noneMatch(n -> n.contains("opentelemetry") || n.contains("picocli"));
        }
        try (ZipFile zip = new ZipFile(js.toFile())) {
            // Beside the licences (LayerLicensesIT), only GraalVM's jars.
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> !n.endsWith("/") && !n.startsWith("java/licenses/")))
                    .allMatch(n -> n.startsWith("java/lib/") && n.endsWith(".jar"))
                    .anyMatch(n -> n.startsWith("java/lib/polyglot-"))
                    .anyMatch(n -> n.startsWith("java/lib/js-language-"))
                    .noneMatch(n -> n.contains("tracex"));
        }
    }

    @Test
    void invoke_rulesFileInTheTaskRoot_handlerSeesTheExtractedParent() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(function.taskRoot().resolve("extractors.yaml"), RULES);
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("task-root", api, Map.of("DD_TRACE_EXTRACTOR", "extractors.orders"))) {
            api.enqueue("order", bytes(ORDER_EVENT), Map.of());
            api.enqueue("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of());
            api.enqueue("plain", bytes("{\"order\": 8}"), Map.of());

            JsonNode order = response(running, "order");
            assertThat(order.path("traceparent").asText()).isEqualTo(ORDER_TRACEPARENT);
            assertThat(order.path("event").asText()).isEqualTo("7");
            assertThat(order.path("tracexFrom").asText()).startsWith("/opt/java/lib/tracex-lambda-adapter-");
            // The selected rule finds nothing in an SQS event: builtin.default does, as with the wrapper handler.
            assertThat(response(running, "sqs").path("traceparent").asText()).startsWith(SQS_PARENT);
            assertThat(response(running, "plain").path("traceparent").asText()).isEqualTo("null");
            assertThat(running.log()).doesNotContain("WARNING", "cannot be used");
        }
    }

    @Test
    void invoke_rulesFileInAUserLayerNamedByThePath_handlerSeesTheExtractedParent() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        // The user's own layer: its zip's tracex/ folder lands in /opt/tracex.
        Files.writeString(Files.createDirectories(function.opt().resolve("tracex")).resolve("extractors.yaml"), RULES);
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("user-layer", api, Map.of(
                     "DD_TRACE_EXTRACTOR", "extractors.orders", "DD_TRACE_EXTRACTOR_PATH", "/opt/tracex",
                     "DD_TRACE_EXTRACTOR_STRICT", "true"))) {
            api.enqueue("order", bytes(ORDER_EVENT), Map.of());
            assertThat(response(running, "order").path("traceparent").asText()).isEqualTo(ORDER_TRACEPARENT);
        }
    }

    @Test
    void invoke_functionSetsItsOwnDdLambdaHandler_itIsKeptAsTheTarget() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        // A function already set up for the wrapper handler (handler = TracingHandler, DD_LAMBDA_HANDLER = its
        // own) that adds the layer's exec wrapper: nothing changes for it.
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("own-target", api, Map.of(
                     "_HANDLER", LambdaFunctionJvm.TRACING_HANDLER,
                     "DD_LAMBDA_HANDLER", LayerFunction.HANDLER))) {
            api.enqueue("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of());
            assertThat(response(running, "sqs").path("traceparent").asText()).startsWith(SQS_PARENT);
        }
    }

    @Test
    void coldStart_brokenRulesFileInAUserLayer_warnsOnceAndRunsWithBuiltinDefault() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(Files.createDirectories(function.opt().resolve("tracex")).resolve("extractors.yaml"),
                "extractors:\n  orders:\n    headers: $.meta | b64\n");
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("broken-lenient", api, Map.of(
                     "DD_TRACE_EXTRACTOR", "extractors.orders", "DD_TRACE_EXTRACTOR_PATH", "/opt/tracex"))) {
            api.enqueue("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of());
            assertThat(response(running, "sqs").path("traceparent").asText()).startsWith(SQS_PARENT);
            String log = running.log();
            assertThat(log).containsOnlyOnce("DD_TRACE_EXTRACTOR=extractors.orders cannot be used, continuing with "
                    + "builtin.default: /opt/tracex/extractors.yaml:3:23: rule \"orders\": unknown step \"b64\"");
        }
    }

    @Test
    void coldStart_brokenRulesFileInAUserLayerStrict_failsTheInitNamingFileLineAndColumn() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(Files.createDirectories(function.opt().resolve("tracex")).resolve("extractors.yaml"),
                "extractors:\n  orders:\n    headers: $.meta | b64\n");
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("broken-strict", api, Map.of(
                     "DD_TRACE_EXTRACTOR", "extractors.orders", "DD_TRACE_EXTRACTOR_PATH", "/opt/tracex",
                     "DD_TRACE_EXTRACTOR_STRICT", "true"))) {
            running.awaitInitError(60);
            assertThat(running.exited(30)).as("the runtime exits after an init error").isTrue();
            assertThat(running.log()).contains("DD_TRACE_EXTRACTOR=extractors.orders cannot be used (DD_TRACE_EXTRACTOR_STRICT=true): "
                    + "/opt/tracex/extractors.yaml:3:23: rule \"orders\": unknown step \"b64\"");
        }
    }

    @Test
    void coldStart_missingRulesFileStrict_failsTheInitNamingWhereItLooked() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("missing-strict", api, Map.of(
                     "DD_TRACE_EXTRACTOR", "extractors.orders", "DD_TRACE_EXTRACTOR_PATH", "/opt/tracex",
                     "DD_TRACE_EXTRACTOR_STRICT", "true"))) {
            running.awaitInitError(60);
            assertThat(running.exited(30)).as("the runtime exits after an init error").isTrue();
            assertThat(running.log()).contains("DD_TRACE_EXTRACTOR=extractors.orders cannot be used (DD_TRACE_EXTRACTOR_STRICT=true): "
                    + "no rules file extractors{.yaml,.yml,.js} in /opt/tracex, " + function.taskRoot());
        }
    }

    @Test
    void coldStart_missingRulesFileLenient_warnsAndRunsWithBuiltinDefault() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("missing-lenient", api, Map.of(
                     "DD_TRACE_EXTRACTOR", "extractors.orders", "DD_TRACE_EXTRACTOR_PATH", "/opt/tracex"))) {
            api.enqueue("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of());
            assertThat(response(running, "sqs").path("traceparent").asText()).startsWith(SQS_PARENT);
            assertThat(running.log()).containsOnlyOnce("DD_TRACE_EXTRACTOR=extractors.orders cannot be used, continuing with "
                    + "builtin.default: no rules file extractors{.yaml,.yml,.js} in /opt/tracex, " + function.taskRoot());
        }
    }

    @Test
    void invoke_jsRuleWithTheJsAddOnLayer_handlerSeesTheExtractedParent() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"),
                LayerFunction.builtZip("tracex.test.layerJsZip"));
        Files.writeString(function.taskRoot().resolve("extractors.yaml"), JS_RULES);
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("js", api, Map.of("DD_TRACE_EXTRACTOR", "extractors.orders_js",
                     "DD_TRACE_EXTRACTOR_STRICT", "true"))) {
            api.enqueue("order", bytes(ORDER_EVENT), Map.of());
            assertThat(response(running, "order").path("traceparent").asText()).isEqualTo(ORDER_TRACEPARENT);
        }
    }

    /** A JS rule in the compiled subset needs no GraalJS: the layer without the JS add-on serves it. */
    @Test
    void invoke_compiledJsRuleWithoutTheJsAddOnLayer_handlerSeesTheExtractedParent() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(function.taskRoot().resolve("extractors.yaml"), JS_RULES);
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("js-compiled", api, Map.of("DD_TRACE_EXTRACTOR", "extractors.orders_compiled",
                     "DD_TRACE_EXTRACTOR_STRICT", "true"))) {
            api.enqueue("order", bytes(ORDER_EVENT), Map.of());
            assertThat(response(running, "order").path("traceparent").asText()).isEqualTo(ORDER_TRACEPARENT);
            assertThat(running.log()).doesNotContain("GraalVM");
        }
    }

    @Test
    void coldStart_jsRuleWithoutTheJsAddOnLayer_warnsOnceAndRunsWithBuiltinDefault() throws Exception {
        LayerFunction function = LayerFunction.create(dir, LayerFunction.builtZip("tracex.test.layerZip"));
        Files.writeString(function.taskRoot().resolve("extractors.yaml"), JS_RULES);
        try (RuntimeApiServer api = new RuntimeApiServer();
             RunningFunction running = function.start("js-missing", api, Map.of("DD_TRACE_EXTRACTOR", "extractors.orders_js"))) {
            api.enqueue("sqs", RuntimeInterfaceClientTest.event("sqs_event.json"), Map.of());
            assertThat(response(running, "sqs").path("traceparent").asText()).startsWith(SQS_PARENT);
            assertThat(running.log()).containsOnlyOnce("DD_TRACE_EXTRACTOR=extractors.orders_js cannot be used, continuing with "
                    + "builtin.default: " + function.taskRoot().resolve("extractors.yaml") + ":3:9: rule \"orders_js\": JS rules need "
                    + "GraalVM polyglot on the class path: add the dependencies org.graalvm.polyglot:polyglot and "
                    + "org.graalvm.polyglot:js-community (type pom); with tracex's Lambda layer, attach its add-on layer "
                    + "tracex-lambda-layer-js.zip");
        }
    }

    static JsonNode response(RunningFunction running, String requestId) throws Exception {
        RuntimeApiServer.Outcome outcome = running.await(requestId, 60);
        assertThat(outcome.error()).as("error outcome %s; function output:\n%s", outcome.body(), running.log()).isFalse();
        return JSON.readTree(outcome.body());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
