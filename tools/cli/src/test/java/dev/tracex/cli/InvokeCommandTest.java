package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InvokeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    static String event(String name) throws URISyntaxException {
        return Path.of(InvokeCommandTest.class.getResource("/events/" + name).toURI()).toString();
    }

    static String rulesDir() throws URISyntaxException {
        return Path.of(InvokeCommandTest.class.getResource("/tracex-test-rules.yaml").toURI()).getParent().toString();
    }

    @Test
    void invoke_typedHandler_printsResultAndTheContextItSaw() throws Exception {
        int status = TracexCommand.run("invoke", "--handler", "dev.tracex.lambda.functions.SqsHandler",
                "--extractor", "tracex-test-rules.sqs", "--path", rulesDir(), event("sqs_event.json"));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toByteArray());
        assertThat(report.get("result").get("records").asInt()).isEqualTo(2);
        assertThat(report.get("result").get("otel_trace_id").asText()).isEqualTo("000000000000000025422bd5a88d3540");
        assertThat(report.get("context").get("trace_id").asText()).isEqualTo("2684756524522091840");
        assertThat(report.get("context").get("rule").asText()).isEqualTo("sqs");
        assertThat(report.get("headers").get("traceparent").asText()).isEqualTo("00-000000000000000025422bd5a88d3540-6721a18bd12b57d0-01");
    }

    @Test
    void invoke_handlerThrows_printsTheErrorAsLambdaDoesAndExits1() throws Exception {
        int status = TracexCommand.run("invoke", "--handler", "dev.tracex.lambda.functions.Handlers$Failing::handle",
                event("custom_payload_event.json"));
        assertThat(status).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.toByteArray());
        assertThat(report.get("error").get("errorType").asText()).isEqualTo("dev.tracex.lambda.functions.Handlers$OrderRejected");
        assertThat(report.get("error").get("errorMessage").asText()).isEqualTo("order 42 rejected");
    }

    @Test
    void invoke_unknownHandler_exits2WithTheMessage() throws Exception {
        int status = TracexCommand.run("invoke", "--handler", "com.example.Missing", event("custom_payload_event.json"));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("--handler com.example.Missing: class com.example.Missing not found"
                + System.lineSeparator());
        assertThat(out.size()).isZero();
    }
}
