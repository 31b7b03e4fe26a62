package dev.tracex.examples;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.lambda.local.LocalContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the Lambda Java runtime does with a function, in a JVM of its own: instantiates the class named
 * by {@code _HANDLER} (the template's {@code Handler}, here always the tracex wrapper, which reads
 * {@code DD_LAMBDA_HANDLER} and {@code DD_TRACE_EXTRACTOR} from the real environment at construction),
 * calls its {@code handleRequest(InputStream, OutputStream, Context)} once on the event file given, as the
 * runtime calls a method handler (the wrapper implements no handler interface), and prints
 * {@code {"aws_request_id": ..., "result": ...}}.
 */
public final class LocalLambda {
    private LocalLambda() {
    }

    public static void main(String[] args) throws Exception {
        String handler = System.getenv("_HANDLER");
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Class<?> cls = Class.forName(className);
        Object function = cls.getDeclaredConstructor().newInstance();
        LocalContext context = LocalContext.of(System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cls.getMethod("handleRequest", InputStream.class, OutputStream.class, Context.class)
                .invoke(function, new ByteArrayInputStream(Files.readAllBytes(Path.of(args[0]))), out, context);

        ObjectMapper json = new ObjectMapper();
        ObjectNode report = json.createObjectNode();
        report.put("aws_request_id", context.getAwsRequestId());
        report.set("result", json.readTree(out.toByteArray()));
        System.out.println(report);
    }
}
