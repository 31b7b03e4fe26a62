package dev.tracex.lambda.internal.handoff;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecordMetaTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "arn:aws:sqs:us-east-2:123456789012:orders, null, orders",
            "arn:aws:sns:us-east-1:123456789012:sns-lambda, null, sns-lambda",
            "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream, stream/, lambda-stream",
            // DynamoDB stream ARNs end in a timestamp with colons.
            "arn:aws:dynamodb:us-east-1:123456789012:table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899, table/, ExampleTableWithStream",
            "arn:aws:sqs:us-east-2:123456789012, null, null",
            "null, null, null",
            "arn:aws:kinesis:us-east-2:123456789012:other/x, stream/, null"})
    void nameFromArn_eventSourceArns_nameTheQueueTopicStreamOrTable(String arn, String marker, String expected) {
        assertThat(RecordMeta.nameFromArn(arn, marker)).isEqualTo(expected);
    }
}
