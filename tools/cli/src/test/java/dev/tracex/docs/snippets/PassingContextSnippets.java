package dev.tracex.docs.snippets;

import dev.tracex.lambda.AwsSdkTraceHeaders;
import dev.tracex.lambda.TraceHeaders;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.util.HashMap;
import java.util.Map;

/** docs/passing-context-on.md: a producer puts the context where the built-in rules read it. */
final class PassingContextSnippets {
    void send(SqsClient sqs, SnsClient sns, String url, String arn, String body) {
        // snippet:begin send
        // SQS / SNS (AWS SDK v2 on the class path): a String attribute "_datadog" holding the headers as JSON
        Map<String, MessageAttributeValue> attributes = new HashMap<>(AwsSdkTraceHeaders.sqsMessageAttributes());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(attributes));
        sns.publish(r -> r.topicArn(arn).message(body).messageAttributes(AwsSdkTraceHeaders.snsMessageAttributes()));

        // EventBridge: "_datadog" inside the detail, for PutEventsRequestEntry.detail(...)
        String detail = TraceHeaders.eventBridgeDetail(Map.of("orderId", 42));

        // Kinesis: the record's JSON with "_datadog", for PutRecordRequest.data(SdkBytes.fromByteArray(...))
        byte[] data = TraceHeaders.kinesisData(Map.of("orderId", 42));

        // Direct Invoke: ClientContext {"custom": {"_datadog": "<headers JSON>"}}, base64, for InvokeRequest.clientContext(...)
        String clientContext = TraceHeaders.clientContext();

        // Any JSON payload of your own
        Map<String, Object> payload = TraceHeaders.withTraceHeaders(Map.of("orderId", 42));
        // snippet:end send
    }
}
