package dev.tracex.lambda.functions;

import dev.tracex.lambda.TraceHeaders;
import dev.tracex.lambda.TracingHandler;
import dev.tracex.lambda.local.LocalContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM whose class path lacks OpenTelemetry, CRaC and an SLF4J provider: constructs the wrapper as the
 * runtime would (from DD_LAMBDA_HANDLER), invokes it on the event file given, prints the result on
 * stdout and which libraries were visible on stderr.
 */
public final class WithoutOptionalLibraries {
    private WithoutOptionalLibraries() {
    }

    public static void main(String[] args) throws Exception {
        for (String c : new String[] {"io.opentelemetry.context.Context", "org.slf4j.MDC", "org.crac.Core"}) {
            boolean present;
            try {
                Class.forName(c);
                present = true;
            } catch (ClassNotFoundException e) {
                present = false;
            }
            System.err.println("visible " + c + " " + present);
        }
        if (Class.forName("org.slf4j.MDC") != null) {
            System.err.println("mdc provider " + org.slf4j.MDC.getMDCAdapter().getClass().getName());
        }
        TracingHandler handler = new TracingHandler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[0]))), out, LocalContext.of("plain"));
        System.err.println("after call: " + TraceHeaders.current());
        System.out.print(out.toString(StandardCharsets.UTF_8));
    }
}
