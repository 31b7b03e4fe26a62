package dev.tracex.rules;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.TraceContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.tracex.rules.Fixtures.decimalOfHex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every built-in against its fixture events. The expected values are read off the fixtures by hand (a
 * hex id converted with {@link Fixtures#decimalOfHex}), never produced by the rules under test; each
 * event is extracted by its source's built-in and by {@code builtin.default}, which must agree.
 */
class BuiltinRulesTest {
    /** What one fixture must give. {@code high} is the upper 64 bits as 16 hex, or null for a 64-bit id. */
    record Expected(String rule, String traceId, String high, String parentId, Integer priority, String origin) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("API Gateway REST, mixed-case Datadog headers", "apigw_v1_event.json", null, "http",
                        new Expected("builtin.http_headers", "1844674407370955161", null, "9223372036854775807", 1, "rum")),
                argumentSet("API Gateway REST, fresh authorizer (request id)", "apigw_v1_authorizer_event.json", null, "http",
                        new Expected("builtin.apigw_authorizer", "13478705995797221209", null, "8471288263384216896", 1, null)),
                argumentSet("API Gateway REST, fresh authorizer (latency)", "apigw_v1_authorizer_latency_event.json", null, "http",
                        new Expected("builtin.apigw_authorizer", "13478705995797221209", null, "8471288263384216896", 1, null)),
                argumentSet("API Gateway REST, cached authorizer: the caller's headers", "apigw_v1_authorizer_stale_event.json", null, "http",
                        new Expected("builtin.http_headers", "1111111111111111111", null, "2222222222222222222", 1, null)),
                argumentSet("HTTP API, W3C traceparent with dd tracestate", "apigw_v2_event.json", null, "http",
                        new Expected("builtin.http_headers", decimalOfHex("a3ce929d0e0e4736"), "4bf92f3577b34da6",
                                decimalOfHex("00f067aa0ba902b7"), 1, "synthetics")),
                argumentSet("HTTP API, Lambda authorizer", "apigw_v2_authorizer_event.json", null, "http",
                        new Expected("builtin.apigw_authorizer", "13478705995797221209", null, "8471288263384216896", 1, null)),
                argumentSet("WebSocket $connect", "websocket_event.json", null, "http",
                        new Expected("builtin.http_headers", "3434343434343434343", null, "5656565656565656565", 2, null)),
                argumentSet("ALB", "alb_event.json", null, "http",
                        new Expected("builtin.http_headers", "7777777777777777777", null, "8888888888888888888", 1, null)),
                argumentSet("ALB multi-value headers: the first b3 value", "alb_multivalue_event.json", null, "http",
                        new Expected("builtin.http_multivalue_headers", decimalOfHex("64fe8b2a57d3eff7"), "80f198ee56343ba8",
                                decimalOfHex("e457b5a2e4d86bd1"), 1, null)),
                argumentSet("function URL, traceparent not sampled", "function_url_event.json", null, "http",
                        new Expected("builtin.http_headers", decimalOfHex("8448eb211c80319c"), "0af7651916cd43dd",
                                decimalOfHex("b7ad6b7169203331"), 0, null)),
                argumentSet("AppSync request.headers", "appsync_event.json", null, "http",
                        new Expected("builtin.appsync", "1597328125839516911", null, "7208539425066340661", 1, "rum")),
                argumentSet("SQS String attribute", "sqs_event.json", null, "sqs",
                        new Expected("builtin.sqs_string_headers_record", "2684756524522091840", null, "7431398482019833808", 1, null)),
                argumentSet("SQS Binary attribute", "sqs_binary_event.json", null, "sqs",
                        new Expected("builtin.sqs_binary_record", "1002003004005006007", null, "3003003003003003003", 2, null)),
                argumentSet("SQS AWSTraceHeader from dd-trace-java", "sqs_aws_trace_header_event.json", null, "sqs",
                        new Expected("builtin.sqs_aws_trace_header_record", decimalOfHex("12d4f6ee3b3a9c1d"), null,
                                decimalOfHex("5e4a9d0e3f2c1b0a"), 1, null)),
                argumentSet("SNS to SQS", "sns_sqs_event.json", null, "sqs",
                        new Expected("builtin.sqs_sns_string_record", "2776434475358637757", null, "4493917105238181843", 1, null)),
                argumentSet("EventBridge to SQS", "eventbridge_sqs_event.json", null, "sqs",
                        new Expected("builtin.sqs_eventbridge_headers_record", "7379586022458917877", null, "2644033662113726488", 1, null)),
                argumentSet("SNS String attribute", "sns_event.json", null, "sns",
                        new Expected("builtin.sns_string_headers_record", "6966585609680374559", null, "1526417393034009021", 1, null)),
                argumentSet("EventBridge with _dd.p.tid", "eventbridge_event.json", null, "eventbridge",
                        new Expected("builtin.eventbridge_headers", "5827606813695714842", "66bcb5eb00000000", "4726693487091824375", 1, null)),
                argumentSet("Kinesis", "kinesis_event.json", null, "kinesis",
                        new Expected("builtin.kinesis_datadog_record", "4948377316357291421", null, "2876253380018681026", 1, null)),
                argumentSet("custom payload _datadog", "custom_payload_event.json", null, "lambda",
                        new Expected("builtin.payload", "3141592653589793238", null, "2718281828459045235", 1, null)),
                argumentSet("client context custom._datadog", "no_context_event.json", "lambda_client_context.json", "lambda",
                        new Expected("builtin.client_context_datadog", "6022140857747474747", null, "1380649000000000001", 2, null)),
                argumentSet("client context custom headers", "no_context_event.json", "lambda_client_context_headers.json", "lambda",
                        new Expected("builtin.client_context_custom", "1602176634000000000", null, "9109383701500000001", 1, null)),
                argumentSet("Lambda X-Ray header, sampled", "no_context_event.json", "lambda_xray_context.json", "xray_env",
                        new Expected("builtin.xray_env", decimalOfHex("1a1d8e7fc5b40a19"), null, decimalOfHex("2f8e6d4c3b1a0918"), 2, null)),
                argumentSet("Lambda X-Ray header, bit 63 cleared, not sampled", "no_context_event.json", "lambda_xray_unsampled_context.json",
                        "xray_env", new Expected("builtin.xray_env", decimalOfHex("45b40a1900000000"), null, "255", -1, null)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void extract_fixture_givesTheContextItCarries(String event, String context, String source, Expected expected) throws Exception {
        for (String rule : new String[] {source, "default"}) {
            Extractor extractor = Extractors.builtins().extractor(rule);
            Extraction found = extractor.extract(Fixtures.event(event), Fixtures.context(context));
            assertThat(found.parent()).as(rule).isPresent();
            TraceContext c = found.parent().get();
            assertThat(c.rule()).as(rule).isEqualTo(expected.rule());
            assertThat(c.traceId()).as(rule).isEqualTo(expected.traceId());
            assertThat(c.traceIdHex().substring(0, 16)).as(rule)
                    .isEqualTo(expected.high() == null ? "0000000000000000" : expected.high());
            assertThat(c.parentIdDecimal()).as(rule).isEqualTo(expected.parentId());
            if (expected.priority() == null) {
                assertThat(c.samplingPriority()).as(rule).isEmpty();
            } else {
                assertThat(c.samplingPriority()).as(rule).hasValue(expected.priority());
            }
            assertThat(c.origin().orElse(null)).as(rule).isEqualTo(expected.origin());
        }
    }

    static Stream<Arguments> withoutContext() {
        return Stream.of(
                argumentSet("S3 carries no context", "s3_event.json", null, "default"),
                argumentSet("DynamoDB items without a stored context", "dynamodb_event.json", null, "default"),
                argumentSet("a payload without _datadog", "no_context_event.json", null, "default"),
                argumentSet("SQS as Datadog reads it, an X-Ray root not written by Datadog", "sqs_no_context_event.json", null, "sqs_datadog"),
                argumentSet("SQS, corrupt String and Binary _datadog", "sqs_corrupt_datadog_event.json", null, "default"),
                argumentSet("payload with corrupt _datadog", "custom_payload_corrupt_event.json", null, "default"),
                argumentSet("Kinesis data not base64 JSON", "kinesis_corrupt_event.json", null, "default"),
                argumentSet("EventBridge scheduled rule (source aws.events)", "eventbridge_scheduled_event.json", null, "default"),
                argumentSet("X-Ray header while not merging", "no_context_event.json", "lambda_xray_not_merged_context.json", "default"),
                argumentSet("client context with nothing in custom", "no_context_event.json", "lambda_xray_context.json", "lambda"),
                argumentSet("SQS event read by the SNS rule", "sqs_event.json", null, "sns"),
                argumentSet("SNS event read by the SQS rule", "sns_event.json", null, "sqs"),
                argumentSet("Kinesis event read by the SQS rule", "kinesis_event.json", null, "sqs"),
                argumentSet("SQS event read by the Kinesis rule", "sqs_event.json", null, "kinesis"),
                argumentSet("API Gateway event read by the Step Functions rule", "apigw_v1_event.json", null, "stepfunctions"));
    }

    @ParameterizedTest
    @MethodSource("withoutContext")
    void extract_eventWithoutUsableContext_givesNothing(String event, String context, String rule) throws Exception {
        Extraction found = Extractors.builtins().extractor(rule).extract(Fixtures.event(event), Fixtures.context(context));
        assertThat(found.isEmpty()).isTrue();
    }
}
