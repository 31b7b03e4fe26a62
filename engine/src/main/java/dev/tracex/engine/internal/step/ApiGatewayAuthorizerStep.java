package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import dev.tracex.engine.internal.json.Json;


/**
 * {@code apigw-authorizer}: an API Gateway {@code requestContext} → the trace headers a traced Lambda
 * authorizer injected into its result ({@code authorizer._datadog} for REST and WebSocket APIs,
 * {@code authorizer.lambda._datadog} for HTTP APIs; base64 text holding a JSON object), but only when they
 * belong to this request. API Gateway caches authorizer results and replays the same context on later
 * requests; a cached authorizer span is not this request's parent. Fresh means
 * {@code authorizer.integrationLatency > 0} (set when the authorizer ran for this request), or
 * {@code requestContext.requestId} equal to the injected {@code x-datadog-authorizing-requestid}, as
 * Datadog's Lambda libraries decide. Anything else gives nothing. Internal.
 */
final class ApiGatewayAuthorizerStep implements Step {
    static final String AUTHORIZING_REQUEST_ID = "x-datadog-authorizing-requestid";

    private static final Step BASE64 = new Steps.Base64Step();

    @Override
    public String name() {
        return "apigw-authorizer";
    }

    @Override
    public JsonNode apply(JsonNode requestContext) {
        JsonNode authorizer = DatadogHeaders.object(requestContext == null ? null : requestContext.get("authorizer"));
        if (authorizer == null) {
            return null;
        }
        JsonNode encoded = authorizer.get("_datadog");
        if (encoded == null && authorizer.get("lambda") != null) {
            encoded = authorizer.get("lambda").get("_datadog");
        }
        JsonNode injected = encoded == null ? null : decode(encoded);
        if (injected == null) {
            return null;
        }
        JsonNode latency = authorizer.get("integrationLatency");
        if (latency != null && latency.isNumber() && latency.doubleValue() > 0) {
            return injected;
        }
        String requestId = DatadogHeaders.text(requestContext.get("requestId"));
        JsonNode authorizing = DatadogHeaders.field(injected, AUTHORIZING_REQUEST_ID);
        return requestId != null && authorizing != null && requestId.equals(authorizing.asText()) ? injected : null;
    }

    /** Base64 text holding a JSON object (API Gateway passes authorizer context values as strings) → the object. */
    private static JsonNode decode(JsonNode encoded) {
        JsonNode bytes = encoded.isTextual() ? BASE64.apply(encoded) : null;
        JsonNode n = bytes == null ? null : Json.parseOrNull(((BinaryNode) bytes).binaryValue());
        return n != null && n.isObject() ? n : null;
    }
}
