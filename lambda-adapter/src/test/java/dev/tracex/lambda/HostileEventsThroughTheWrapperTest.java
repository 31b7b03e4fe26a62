package dev.tracex.lambda;

import dev.tracex.lambda.internal.coldstart.ColdStart;
import dev.tracex.lambda.internal.invocation.HandlerTarget;
import dev.tracex.lambda.local.LocalContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile events through {@link TracingHandler} with the default chain (what a function with no
 * configuration runs): the handler always runs with the exact bytes it was sent, the invocation gets no
 * parent or only what is valid, and tracex logs at most one bounded line per event, never its content
 * (a secret planted in every event must not appear in any log record).
 */
class HostileEventsThroughTheWrapperTest {
    private static final String SECRET = "SECRET-4711-do-not-log";
    private static final String CARRIER = "\"_datadog\": {\"x-datadog-trace-id\": \"11\", \"x-datadog-parent-id\": \"22\"}";

    static Stream<org.junit.jupiter.params.provider.Arguments> events() {
        byte[] badUtf8 = ("{" + CARRIER + ", \"note\": \"" + SECRET + "\u00ff\"}").getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 4] = (byte) 0xff; // a lone continuation byte in place of ÿ's first byte
        return Stream.of(
                arguments("invalid UTF-8", badUtf8),
                arguments("10,000-deep nesting", bytes("{\"x\":" + "[".repeat(10_000) + "\"" + SECRET + "\"" + "]".repeat(10_000) + "}")),
                arguments("6 MB string beside a valid carrier", bytes("{\"body\": \"" + SECRET + "x".repeat(6 * 1024 * 1024) + "\", " + CARRIER + "}")),
                arguments("400-digit ids", bytes("{\"_datadog\": {\"x-datadog-trace-id\": \"" + "9".repeat(400) + "\", \"x-datadog-parent-id\": "
                        + "9".repeat(400) + ", \"s\": \"" + SECRET + "\"}}")),
                arguments("duplicate keys", bytes("{\"_datadog\": {\"x-datadog-trace-id\": \"" + SECRET + "\"}, " + CARRIER + "}")),
                arguments("_datadog null", bytes("{\"_datadog\": null, \"s\": \"" + SECRET + "\"}")),
                arguments("_datadog a number", bytes("{\"_datadog\": 12, \"s\": \"" + SECRET + "\"}")),
                arguments("_datadog a string", bytes("{\"_datadog\": \"" + SECRET + "\"}")),
                arguments("_datadog an array", bytes("{\"_datadog\": [\"" + SECRET + "\"]}")),
                arguments("ids of the wrong type", bytes("{\"_datadog\": {\"x-datadog-trace-id\": {\"v\": \"" + SECRET + "\"}, \"x-datadog-parent-id\": [1]}}")),
                arguments("ids out of range", bytes("{\"_datadog\": {\"x-datadog-trace-id\": \"18446744073709551616\", \"x-datadog-parent-id\": \"-1\", \"s\": \"" + SECRET + "\"}}")),
                arguments("huge x-datadog-tags", bytes("{\"_datadog\": {\"x-datadog-trace-id\": \"11\", \"x-datadog-parent-id\": \"22\", "
                        + "\"x-datadog-tags\": \"_dd.p.usr=" + SECRET + "x".repeat(4000) + "\"}}")),
                arguments("SQS record with a corrupt attribute", bytes("{\"Records\": [{\"eventSource\": \"aws:sqs\", \"body\": \"" + SECRET + "\", "
                        + "\"messageAttributes\": {\"_datadog\": {\"dataType\": \"String\", \"stringValue\": \"{" + SECRET + "\"}}}]}")),
                arguments("not JSON at all", bytes(SECRET + " {{{")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void handleRequest_hostileEvent_handlerGetsTheOriginalBytesAndNothingLeaks(String name, byte[] event) throws Exception {
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("echo", (in, out, ctx) -> in.transferTo(out)),
                ColdStart.resolve(Map.of(), TracingHandlerTest.class.getClassLoader(), w -> {
                    throw new AssertionError(w);
                }));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        List<String> logged;
        try (Capture capture = new Capture()) {
            h.handleRequest(new ByteArrayInputStream(event), out, LocalContext.of("hostile"));
            logged = capture.lines;
        }

        assertThat(out.toByteArray()).as(name).isEqualTo(event);
        assertThat(logged).as("log lines for %s", name).hasSizeLessThanOrEqualTo(1);
        assertThat(logged).allSatisfy(line -> {
            assertThat(line).doesNotContain(SECRET);
            assertThat(line.length()).isLessThan(1_000);
        });
    }

    @org.junit.jupiter.api.Test
    void capture_seesTracexDebugLines_soTheAssertionsAboveAreNotVacuous() throws Exception {
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("echo", (in, out, ctx) -> in.transferTo(out)),
                ColdStart.resolve(Map.of(), TracingHandlerTest.class.getClassLoader(), w -> {
                    throw new AssertionError(w);
                }));

        List<String> logged;
        try (Capture capture = new Capture()) {
            h.handleRequest(new ByteArrayInputStream(bytes(SECRET + " {{{")), new ByteArrayOutputStream(), LocalContext.of("x"));
            logged = capture.lines;
        }

        assertThat(logged).singleElement().asString().startsWith("FINE tracex: outcome=not_found rule=builtin.default why: ")
                .contains("not valid JSON").doesNotContain(SECRET);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Every record of tracex's loggers (engine and adapter), at every level. */
    private static final class Capture extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("dev.tracex");
        private final Level previous = logger.getLevel();
        final List<String> lines = new ArrayList<>();

        Capture() {
            logger.addHandler(this);
            logger.setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            String thrown = record.getThrown() == null ? "" : " " + record.getThrown();
            lines.add(record.getLevel() + " " + record.getMessage() + thrown);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previous);
        }
    }
}
