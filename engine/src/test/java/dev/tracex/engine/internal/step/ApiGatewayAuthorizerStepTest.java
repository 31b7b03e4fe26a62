package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ApiGatewayAuthorizerStepTest {
    private static final ApiGatewayAuthorizerStep STEP = new ApiGatewayAuthorizerStep();
    private static final String INJECTED =
            "{\"x-datadog-trace-id\": \"13\", \"x-datadog-parent-id\": \"17\", \"x-datadog-authorizing-requestid\": \"abc123\"}";
    private static final String ENCODED = Base64.getEncoder().encodeToString(INJECTED.getBytes(StandardCharsets.UTF_8));

    private static JsonNode apply(String requestContext) {
        return STEP.apply(Json.parseOrNull(requestContext.replace("ENCODED", ENCODED)));
    }

    @Test
    void apply_requestIdMatchesTheInjectedOne_givesTheInjectedHeaders() {
        assertThat(apply("{\"requestId\": \"abc123\", \"authorizer\": {\"_datadog\": \"ENCODED\", \"integrationLatency\": 0}}"))
                .isEqualTo(Json.parseOrNull(INJECTED));
    }

    @Test
    void apply_positiveIntegrationLatency_isFreshWhateverTheRequestId() {
        assertThat(apply("{\"requestId\": \"other\", \"authorizer\": {\"_datadog\": \"ENCODED\", \"integrationLatency\": 1897}}"))
                .isEqualTo(Json.parseOrNull(INJECTED));
    }

    @Test
    void apply_httpApiLambdaAuthorizer_readsAuthorizerLambda() {
        assertThat(apply("{\"requestId\": \"abc123\", \"authorizer\": {\"lambda\": {\"_datadog\": \"ENCODED\"}}}"))
                .isEqualTo(Json.parseOrNull(INJECTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"requestId\": \"later\", \"authorizer\": {\"_datadog\": \"ENCODED\", \"integrationLatency\": 0}}",
            "{\"requestId\": \"later\", \"authorizer\": {\"lambda\": {\"_datadog\": \"ENCODED\"}}}",
            "{\"authorizer\": {\"_datadog\": \"ENCODED\"}}",
            "{\"requestId\": \"abc123\", \"authorizer\": {\"_datadog\": \"not base64 !\"}}",
            "{\"requestId\": \"abc123\", \"authorizer\": {\"_datadog\": \"bm90IGpzb24=\"}}",
            "{\"requestId\": \"abc123\", \"authorizer\": {\"principalId\": \"foo\"}}",
            "{\"requestId\": \"abc123\", \"authorizer\": {\"_datadog\": {\"x-datadog-authorizing-requestid\": \"abc123\"}}}",
            "{\"requestId\": \"abc123\", \"authorizer\": {\"_datadog\": \"{\\\"x-datadog-authorizing-requestid\\\": \\\"abc123\\\"}\"}}",
            "{\"requestId\": \"abc123\"}",
            "\"abc123\"",
    })
    void apply_staleOrMalformed_givesNothing(String requestContext) {
        assertThat(apply(requestContext)).isNull();
    }
}
