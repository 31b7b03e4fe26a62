package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import dev.tracex.lambda.local.LocalContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The code-level API with the function's own extractor: in this test JVM DD_TRACE_EXTRACTOR is unset, so builtin.default. */
class TracexLambdaTest {
    private static final String W3C = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final Map<String, Object> PAYLOAD = Map.of("order", 42, "_datadog",
            Map.of("x-datadog-trace-id", "1234567890123456789", "x-datadog-parent-id", "987654321"));

    static APIGatewayV2HTTPEvent apiEvent() {
        return APIGatewayV2HTTPEvent.builder().withRawPath("/orders")
                .withHeaders(Map.of("traceparent", W3C, "content-type", "application/json")).build();
    }

    @Test
    void extractor_unconfigured_isBuiltinDefault() {
        assertThat(TracexLambda.extractor().name()).isEqualTo("builtin.default");
    }

    @Test
    void extract_map_readsItAsTheRuntimeWouldHaveWrittenIt() {
        TraceContext c = TracexLambda.extract(PAYLOAD, LocalContext.of("f")).parent().orElseThrow();
        assertThat(c.traceId()).isEqualTo("1234567890123456789");
        assertThat(c.parentIdDecimal()).isEqualTo("987654321");
    }

    @Test
    void extract_lambdaEventsType_isSerializedWithTheRuntimeEventSerializer() {
        TraceContext c = TracexLambda.extract(apiEvent(), null).parent().orElseThrow();
        assertThat(c.traceparent()).isEqualTo(W3C);
    }

    @Test
    void extract_rawJsonForms_agree() {
        String json = "{\"headers\":{\"traceparent\":\"" + W3C + "\"}}";
        Extraction fromBytes = TracexLambda.extract(json.getBytes(StandardCharsets.UTF_8), null);
        assertThat(TracexLambda.extract((Object) json, null)).isEqualTo(fromBytes);
        assertThat(fromBytes.parent().orElseThrow().traceIdHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void extract_nothingUsable_isNone() {
        assertThat(TracexLambda.extract((Object) null, null)).isEqualTo(Extraction.none());
        assertThat(TracexLambda.extract((Object) "{not json", null)).isEqualTo(Extraction.none());
        assertThat(TracexLambda.extract(Map.of("order", 1), null)).isEqualTo(Extraction.none());
    }

    @Test
    void wrap_requestHandler_handlerSeesTheParentAndItIsGoneAfter() {
        RequestHandler<APIGatewayV2HTTPEvent, String> wrapped = TracexLambda.wrap(
                (event, context) -> event.getRawPath() + " " + TracexLambda.current().map(TraceContext::traceIdHex).orElse("none"));
        assertThat(wrapped.handleRequest(apiEvent(), LocalContext.of("api"))).isEqualTo("/orders 4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(TracexLambda.current()).isEmpty();
    }

    @Test
    void wrap_streamHandler_handlerGetsTheSameBytes() throws IOException {
        RequestStreamHandler wrapped = TracexLambda.wrap((RequestStreamHandler) (in, out, context) -> {
            out.write(in.readAllBytes());
            out.write((" " + TracexLambda.currentHeaders().get("x-datadog-trace-id")).getBytes(StandardCharsets.UTF_8));
        });
        String event = "{\"_datadog\":{\"x-datadog-trace-id\":\"77\",\"x-datadog-parent-id\":\"88\"}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wrapped.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, LocalContext.of("f"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(event + " 77");
    }

    @Test
    void tracingRequestHandler_subclass_handlesWithTheParentOpen() {
        assertThat(new ApiFunction().handleRequest(apiEvent(), LocalContext.of("api"))).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void tracingRequestStreamHandler_subclass_handlesWithTheParentOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String event = "{\"headers\":{\"traceparent\":\"" + W3C + "\"}}";
        new RawFunction().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, LocalContext.of("raw"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(event.length() + " bytes, parent 00f067aa0ba902b7");
    }

    @Test
    void open_nested_restoresTheOuterInvocation() {
        Extraction outer = TracexLambda.extract(PAYLOAD, null);
        Extraction inner = TracexLambda.extract(apiEvent(), null);
        try (InvocationScope a = TracexLambda.open(outer)) {
            try (InvocationScope b = TracexLambda.open(inner)) {
                assertThat(TracexLambda.current()).isEqualTo(inner.parent());
            }
            assertThat(TracexLambda.current()).isEqualTo(outer.parent());
        }
        assertThat(TracexLambda.current()).isEmpty();
    }

    static final class ApiFunction extends TracingRequestHandler<APIGatewayV2HTTPEvent, String> {
        @Override
        protected String handle(APIGatewayV2HTTPEvent input, Context context) {
            return TracexLambda.current().map(TraceContext::parentIdHex).orElse("none");
        }
    }

    static final class RawFunction extends TracingRequestStreamHandler {
        @Override
        protected void handle(InputStream input, OutputStream output, Context context) throws IOException {
            output.write((input.readAllBytes().length + " bytes, parent "
                    + TracexLambda.current().map(TraceContext::parentIdHex).orElse("none")).getBytes(StandardCharsets.UTF_8));
        }
    }
}
