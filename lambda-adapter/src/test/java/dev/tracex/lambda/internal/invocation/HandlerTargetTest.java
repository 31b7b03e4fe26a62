package dev.tracex.lambda.internal.invocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.lambda.TracingHandler;
import dev.tracex.lambda.functions.Handlers;
import dev.tracex.lambda.functions.SqsHandler;
import dev.tracex.lambda.local.LocalContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class HandlerTargetTest {
    private static final ClassLoader LOADER = HandlerTargetTest.class.getClassLoader();
    private static final String H = "dev.tracex.lambda.functions.Handlers$";

    static String run(String spec, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HandlerTarget.load(spec, LOADER).handle(event.getBytes(StandardCharsets.UTF_8), out, LocalContext.of("orders"));
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = HandlerTargetTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    static Stream<Arguments> handlers() {
        return Stream.of(
                argumentSet("overloads: (event, Context) wins over (event) and ()", H + "Overloads::handle", "{\"a\":1}", "\"event+context\""),
                argumentSet("(Context) only", H + "ContextOnly::handle", "{}", "\"orders\""),
                argumentSet("void result is written as null", H + "VoidResult::handle", "{}", "null"),
                argumentSet("stream method (InputStream, OutputStream, Context)", H + "StreamMethod::handle", "{\"a\":1}", "got 7 bytes"),
                argumentSet("POJO in and out, by the runtime's Jackson", H + "Pojo::handle", "{\"order\":42}", "{\"order\":42,\"status\":\"seen none\"}"),
                argumentSet("RequestHandler<List<String>, Integer>", H + "ListOfStrings", "[\"a\",\"b\",\"c\"]", "3"),
                argumentSet("type variable bound by a subclass", H + "Concrete", "{\"x\":1,\"y\":2}", "\"keys [x, y]\""));
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void handle_eachShapeTheRuntimeAccepts_runsAsTheRuntimeWould(String spec, String event, String expected) throws IOException {
        assertThat(run(spec, event)).isEqualTo(expected);
    }

    @Test
    void wrapperClass_isTheWrappersRealName() {
        assertThat(HandlerTarget.WRAPPER_CLASS).isEqualTo(TracingHandler.class.getName());
    }

    @Test
    void handle_sqsEvent_isDeserializedWithTheRuntimeEventSerializer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HandlerTarget.load(SqsHandler.class.getName(), LOADER).handle(resource("sqs_event.json"), out, LocalContext.of("orders"));
        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        assertThat(result.get("records").asInt()).isEqualTo(2);
        assertThat(result.get("first_body").asText()).isEqualTo("{\"orderId\": 42}");
    }

    @Test
    void handle_apiGatewayV2Event_typedInAndOut() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HandlerTarget.load(H + "Api", LOADER).handle(resource("apigw_v2_event.json"), out, LocalContext.of("api"));
        JsonNode result = new ObjectMapper().readTree(out.toByteArray());
        assertThat(result.get("statusCode").asInt()).isEqualTo(201);
        assertThat(result.get("body").asText()).startsWith("POST /orders");
    }

    @Test
    void handle_userThrowsCheckedException_propagatesUnchanged() {
        assertThatThrownBy(() -> run(H + "Failing::handle", "{\"order\":7}"))
                .isExactlyInstanceOf(Handlers.OrderRejected.class)
                .hasMessage("order 7 rejected")
                .hasNoCause();
    }

    @Test
    void handle_eventNotFittingTheInputType_failsAsTheRuntimeDoes() {
        assertThatThrownBy(() -> run(H + "Pojo::handle", "[1,2]"))
                .isExactlyInstanceOf(RuntimeException.class)
                .hasMessage("An error occurred during JSON parsing");
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                argumentSet("unset", null, "DD_LAMBDA_HANDLER is not set: set it to the function's own handler, e.g. com.example.MyHandler::handleRequest"),
                argumentSet("empty method", "com.example.A::", "DD_LAMBDA_HANDLER=com.example.A::: expected <class> or <class>::<method>"),
                argumentSet("the wrapper itself", "dev.tracex.lambda.TracingHandler::handleRequest", "DD_LAMBDA_HANDLER=dev.tracex.lambda.TracingHandler::handleRequest: names the wrapper itself; set it to the function's own handler and the function's handler to the wrapper"),
                argumentSet("unknown class", "com.example.Missing::handle", "DD_LAMBDA_HANDLER=com.example.Missing::handle: class com.example.Missing not found"),
                argumentSet("no such method", H + "NotAHandler::handle", "DD_LAMBDA_HANDLER=" + H + "NotAHandler::handle: no public method named handle with a handler signature on class " + H + "NotAHandler"),
                argumentSet("class without a handler interface", H + "NotAHandler", "DD_LAMBDA_HANDLER=" + H + "NotAHandler: class " + H + "NotAHandler does not implement RequestHandler or RequestStreamHandler; name a method with <class>::<method>"),
                argumentSet("RequestHandler with a type variable", H + "Generic", "DD_LAMBDA_HANDLER=" + H + "Generic: class " + H + "Generic does not implement RequestHandler with concrete type parameters"),
                argumentSet("no public no-argument constructor", H + "NoDefaultConstructor", "DD_LAMBDA_HANDLER=" + H + "NoDefaultConstructor: class " + H + "NoDefaultConstructor has no public zero-argument constructor"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void load_unusableHandler_failsNamingIt(String spec, String message) {
        assertThatThrownBy(() -> HandlerTarget.load(spec, LOADER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }

    @Test
    void load_constructorThrows_theUsersExceptionFailsTheInit() {
        assertThatThrownBy(() -> HandlerTarget.load(H + "BrokenConstructor", LOADER))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("no database");
    }
}
