package dev.tracex.lambda.internal.handoff;

import dev.tracex.lambda.RuntimeInterfaceClientTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class InvocationTriggerTest {
    static Stream<Arguments> events() throws IOException {
        return Stream.of(
                argumentSet("SQS batch", RuntimeInterfaceClientTest.event("sqs_event.json"), new InvocationTrigger("pubsub", "aws_sqs", 2)),
                argumentSet("HTTP API", RuntimeInterfaceClientTest.event("apigw_v2_event.json"), new InvocationTrigger("http", null, -1)),
                argumentSet("SNS", bytes("{\"Records\": [{\"EventSource\": \"aws:sns\", \"Sns\": {}}]}"), new InvocationTrigger("pubsub", null, 1)),
                argumentSet("DynamoDB stream", bytes("{\"Records\": [{\"eventSource\": \"aws:dynamodb\"}, {\"eventSource\": \"aws:dynamodb\"}]}"),
                        new InvocationTrigger("datasource", null, 2)),
                argumentSet("EventBridge schedule", bytes("{\"source\": \"aws.events\", \"detail-type\": \"Scheduled Event\"}"),
                        new InvocationTrigger("timer", null, -1)),
                argumentSet("EventBridge event", bytes("{\"source\": \"aws.events\", \"detail-type\": \"Order Placed\"}"),
                        new InvocationTrigger("pubsub", null, -1)),
                argumentSet("custom payload", bytes("{\"order\": 1}"), InvocationTrigger.OTHER),
                argumentSet("not JSON", bytes("{\"Records\": ["), InvocationTrigger.OTHER),
                argumentSet("a JSON array", bytes("[1, 2]"), InvocationTrigger.OTHER),
                argumentSet("no event", null, InvocationTrigger.OTHER));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("events")
    void of_event_givesOpenTelemetrysFaasTrigger(byte[] event, InvocationTrigger expected) {
        assertThat(InvocationTrigger.of(event)).isEqualTo(expected);
    }
}
