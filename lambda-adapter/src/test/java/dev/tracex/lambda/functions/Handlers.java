package dev.tracex.lambda.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small handlers of every shape the runtime accepts, and some it refuses. */
public final class Handlers {
    private Handlers() {
    }

    /** The user's checked exception, which must reach the runtime unchanged. */
    public static final class OrderRejected extends Exception {
        public OrderRejected(String message) {
            super(message);
        }
    }

    public static class Failing {
        public String handle(Map<String, Object> event, Context context) throws OrderRejected {
            throw new OrderRejected("order " + event.get("order") + " rejected");
        }
    }

    public static class Pojo {
        public Order handle(Order order, Context context) {
            order.setStatus("seen " + dev.tracex.lambda.TracexLambda.current().map(c -> c.traceId()).orElse("none"));
            return order;
        }
    }

    /** Overloads: the runtime picks the longest signature, a trailing Context counting one extra. */
    public static class Overloads {
        public String handle(Map<String, Object> event) {
            return "event";
        }

        public String handle(Map<String, Object> event, Context context) {
            return "event+context";
        }

        public String handle() {
            return "nothing";
        }
    }

    /** Answers the classes and methods of the (non-reflection) frames that called it, nearest first. */
    public static class CallerFrames {
        public List<String> handle(Map<String, Object> event, Context context) {
            return StackWalker.getInstance().walk(frames -> frames.skip(1)
                    .filter(f -> !f.getClassName().startsWith("java.") && !f.getClassName().startsWith("jdk."))
                    .map(f -> f.getClassName() + "." + f.getMethodName()).limit(3).toList());
        }
    }

    public static class ContextOnly {
        public String handle(Context context) {
            return context.getFunctionName();
        }
    }

    public static class VoidResult {
        public static int calls;

        public void handle(Map<String, Object> event) {
            calls++;
        }
    }

    public static class StreamMethod {
        public void handle(InputStream in, OutputStream out, Context context) throws IOException {
            out.write(("got " + new String(in.readAllBytes(), StandardCharsets.UTF_8).length() + " bytes")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    public static class Api implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                    .withBody(event.getRequestContext().getHttp().getMethod() + " " + event.getRawPath() + " "
                            + Seen.now().get("otel_trace_id"))
                    .build();
        }
    }

    public static class Generic<T> implements RequestHandler<T, String> {
        @Override
        public String handleRequest(T input, Context context) {
            return "?";
        }
    }

    public static class NotAHandler {
        public String other(String s) {
            return s;
        }
    }

    public static class NoDefaultConstructor implements RequestHandler<Map<String, Object>, String> {
        public NoDefaultConstructor(String config) {
        }

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return "?";
        }
    }

    public static class BrokenConstructor implements RequestHandler<Map<String, Object>, String> {
        public BrokenConstructor() {
            throw new IllegalStateException("no database");
        }

        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return "?";
        }
    }

    public static class ListOfStrings implements RequestHandler<List<String>, Integer> {
        @Override
        public Integer handleRequest(List<String> input, Context context) {
            return input.size();
        }
    }

    /** Hands the event on through a subclass that fixes the base class's type variables. */
    public abstract static class Base<I> implements RequestHandler<I, String> {
    }

    public static class Concrete extends Base<Map<String, Object>> {
        @Override
        public String handleRequest(Map<String, Object> input, Context context) {
            return "keys " + input.keySet();
        }
    }
}
