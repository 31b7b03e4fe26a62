package dev.tracex.lambda.internal.coldstart;

import dev.tracex.engine.Extractor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColdStartTest {
    private static final ClassLoader CLASSPATH = ColdStartTest.class.getClassLoader();
    private static final String EVENT = "{\"_datadog\":{\"x-datadog-trace-id\":\"11\",\"x-datadog-parent-id\":\"22\"},"
            + "\"meta\":{\"traceId\":\"33\",\"spanId\":\"44\"}}";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private Extractor resolve(Map<String, String> env) {
        return ColdStart.resolve(env, CLASSPATH, warnings::add);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** An SQS message whose AWSTraceHeader root no Datadog tracer wrote (X-Ray's own 128-bit id). */
    private static final String XRAY_ROOTED_SQS = "{\"Records\":[{\"messageId\":\"m1\",\"eventSource\":\"aws:sqs\",\"body\":\"x\","
            + "\"messageAttributes\":{},\"attributes\":{\"AWSTraceHeader\":"
            + "\"Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1\"}}]}";

    @Test
    void resolve_datadogPropagationStyle_defaultChainLeavesAnXrayRootAlone() {
        Extractor e = resolve(Map.of("DD_TRACE_PROPAGATION_STYLE", "datadog,tracecontext"));

        assertThat(e.extract(XRAY_ROOTED_SQS).parent()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void resolve_otelPropagatorsWithXray_defaultChainContinuesTheXrayRoot() {
        Extractor e = resolve(Map.of("OTEL_PROPAGATORS", "tracecontext,baggage,xray"));

        assertThat(e.extract(XRAY_ROOTED_SQS).parent().orElseThrow().traceIdHex()).isEqualTo("5759e988bd862e3fe1be46a994272793");
    }

    @Test
    void resolve_selectedFileFollowsTheSettingsAndSoDoesItsFallback() throws IOException {
        write("extractors.yaml", "extractors:\n  carrier:\n    headers: $.carrier\n");
        Map<String, String> env = Map.of("DD_TRACE_EXTRACTOR", "extractors.carrier", "DD_TRACE_EXTRACTOR_PATH", dir.toString(),
                "DD_TRACE_PROPAGATION_STYLE_EXTRACT", "tracecontext", "DD_TRACE_PROPAGATION_STYLE", "datadog");
        Extractor e = resolve(env);

        assertThat(e.extract("{\"carrier\":{\"x-datadog-trace-id\":\"11\",\"x-datadog-parent-id\":\"22\"}}").parent()).isEmpty();
        assertThat(e.extract("{\"carrier\":{\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}}")
                .parent().orElseThrow().rule()).isEqualTo("carrier");
        assertThat(e.extract(XRAY_ROOTED_SQS).parent()).as("the fallback reads tracecontext only").isEmpty();
    }

    @Test
    void resolve_styleTracexDoesNotRead_isOneWarningAndTheOthersApply() {
        Extractor e = resolve(Map.of("OTEL_PROPAGATORS", "ottrace,xray"));

        assertThat(warnings).containsExactly("OTEL_PROPAGATORS: \"ottrace\" is not a style tracex reads, skipped "
                + "(known: tracecontext, baggage, b3, b3multi, xray, xray-lambda, none)");
        assertThat(e.extract(XRAY_ROOTED_SQS).parent()).isPresent();
    }

    @Test
    void resolve_unset_isBuiltinDefaultWithoutWarning() {
        Extractor e = resolve(Map.of());
        assertThat(e.name()).isEqualTo("builtin.default");
        assertThat(warnings).isEmpty();
    }

    @Test
    void resolve_fileInExtractorPath_selectsTheRuleWithDefaultBehind() throws IOException {
        write("extractors.yaml", "extractors:\n  custom:\n    fields:\n      trace_id: $.meta.traceId\n      parent_id: $.meta.spanId\n");
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "extractors.custom", "DD_TRACE_EXTRACTOR_PATH", dir.toString()));
        assertThat(e.name()).isEqualTo("custom");
        assertThat(e.extract(EVENT).parent().orElseThrow().traceId()).isEqualTo("33");
        assertThat(e.extract("{\"_datadog\":{\"x-datadog-trace-id\":\"11\",\"x-datadog-parent-id\":\"22\"}}")
                .parent().orElseThrow().rule()).isEqualTo("builtin.payload");
        assertThat(warnings).isEmpty();
    }

    @Test
    void resolve_fileAtClassPathRoot_isFound() {
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.custom"));
        assertThat(e.extract(EVENT).parent().orElseThrow().traceId()).isEqualTo("33");
        assertThat(warnings).isEmpty();
    }

    @Test
    void resolve_lambdaTaskRoot_isSearchedAfterExtractorPath() throws IOException {
        Path first = Files.createDirectory(dir.resolve("first"));
        Path root = Files.createDirectory(dir.resolve("task"));
        Files.writeString(root.resolve("x.yaml"), "extractors:\n  a:\n    headers: $.nowhere\n");
        Files.writeString(first.resolve("x.yaml"), "extractors:\n  a:\n    fields:\n      trace_id: $.meta.traceId\n      parent_id: $.meta.spanId\n");
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "x.a", "DD_TRACE_EXTRACTOR_PATH", first.toString(),
                "LAMBDA_TASK_ROOT", root.toString()));
        assertThat(e.extract(EVENT).parent().orElseThrow().traceId()).isEqualTo("33");
    }

    @Test
    void resolve_missingFile_warnsOnceAndFallsBackToDefault() {
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "nofile.sqs", "DD_TRACE_EXTRACTOR_PATH", dir.toString()));
        assertThat(e.name()).isEqualTo("builtin.default");
        assertThat(warnings).containsExactly("DD_TRACE_EXTRACTOR=nofile.sqs cannot be used, continuing with builtin.default: "
                + "no rules file nofile{.yaml,.yml,.js} in " + dir + ", the class path root, the working directory ("
                + Path.of("").toAbsolutePath() + ")");
    }

    @Test
    void resolve_unknownRule_warnsWithTheFileAndKnownRules() throws IOException {
        Path f = write("extractors.yaml", "extractors:\n  json:\n    headers: $._datadog\n  sqs:\n    headers: $.Records[0]\n");
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "extractors.sns", "DD_TRACE_EXTRACTOR_PATH", dir.toString()));
        assertThat(e.name()).isEqualTo("builtin.default");
        assertThat(warnings).containsExactly("DD_TRACE_EXTRACTOR=extractors.sns cannot be used, continuing with builtin.default: "
                + f + ":1:1: rule \"sns\": no such rule (known: json, sqs)");
    }

    @Test
    void resolve_compileErrorsAnywhereInTheFile_oneLineWithEveryPosition() throws IOException {
        Path f = write("extractors.yaml", "extractors:\n  good:\n    headers: $._datadog\n  bad:\n    headers: $.a | b64\n  worse:\n    headers: $.a[\n");
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "extractors.good", "DD_TRACE_EXTRACTOR_PATH", dir.toString()));
        assertThat(e.name()).isEqualTo("builtin.default");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).isEqualTo("DD_TRACE_EXTRACTOR=extractors.good cannot be used, continuing with builtin.default: "
                + f + ":5:20: rule \"bad\": unknown step \"b64\" (known: json, base64, gzip, text, lowercase-keys, stepfunctions, aws-trace-header, lambda-xray, xray-carrier, apigw-authorizer, message-attributes, bytes, kafka-headers, dynamodb-json, durable-checkpoint); "
                + f + ":7:14: rule \"worse\": bad JSONPath \"$.a[\": unclosed '['");
    }

    @Test
    void resolve_badSelection_warns() {
        resolve(Map.of("DD_TRACE_EXTRACTOR", "../etc.passwd"));
        assertThat(warnings).containsExactly("DD_TRACE_EXTRACTOR=../etc.passwd cannot be used, continuing with builtin.default: "
                + "DD_TRACE_EXTRACTOR file must be relative to the search directories, without ..; got \"../etc.passwd\"");
    }

    @Test
    void resolve_strict_failsTheInitWithTheSameMessage() throws IOException {
        Path f = write("extractors.yaml", "extractors:\n  bad:\n    headers: $.a | b64\n");
        assertThatThrownBy(() -> resolve(Map.of("DD_TRACE_EXTRACTOR", "extractors.bad", "DD_TRACE_EXTRACTOR_PATH", dir.toString(),
                "DD_TRACE_EXTRACTOR_STRICT", "true")))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("DD_TRACE_EXTRACTOR=extractors.bad cannot be used (DD_TRACE_EXTRACTOR_STRICT=true): "
                        + f + ":3:20: rule \"bad\": unknown step \"b64\" (known: json, base64, gzip, text, lowercase-keys, stepfunctions, aws-trace-header, lambda-xray, xray-carrier, apigw-authorizer, message-attributes, bytes, kafka-headers, dynamodb-json, durable-checkpoint)");
        assertThat(warnings).isEmpty();
    }

    @Test
    void resolve_strictWithGoodConfiguration_resolves() {
        Extractor e = resolve(Map.of("DD_TRACE_EXTRACTOR", "tracex-test-rules.sqs", "DD_TRACE_EXTRACTOR_STRICT", "TRUE"));
        assertThat(e.name()).isEqualTo("sqs");
    }
}
