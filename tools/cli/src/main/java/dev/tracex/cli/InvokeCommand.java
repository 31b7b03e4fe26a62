package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.EventJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.lambda.TraceHeaders;
import dev.tracex.lambda.TracingHandler;
import dev.tracex.lambda.local.LocalContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tracex invoke}: runs a handler once on an event through the wrapper, as {@code TracingHandler}
 * runs it in Lambda but without a runtime, and prints {@code {"result": ..., "context": ...}}: the
 * handler's serialized result and the context handed off to it (as {@code tracex extract} prints it).
 * Exit 0 when the handler returned, 1 when it threw (printed as {@code errorType}/{@code errorMessage},
 * like Lambda), 2 on a usage or configuration error.
 */
@Command(name = "invoke", description = "Run a handler locally through the tracex wrapper and print its result and the context it saw.")
final class InvokeCommand implements Callable<Integer> {
    @Option(names = "--handler", required = true, paramLabel = "<class>[::<method>]",
            description = "The handler, as DD_LAMBDA_HANDLER names it.")
    String handler;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH",
            description = "Jars and directories holding the handler, separated by ':' (DIR/* for every jar in DIR), besides tracex's own class path.")
    String classpath;

    @picocli.CommandLine.Mixin
    ExtractorOptions selection;

    @Option(names = "--function-name", paramLabel = "NAME", defaultValue = "tracex-invoke",
            description = "The function name the handler's Context reports (default: ${DEFAULT-VALUE}).")
    String functionName;

    @Parameters(paramLabel = "EVENT", description = "The event JSON file, or - for standard input.")
    String event;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Extractor selected = selection.resolve(err::println);
        if (selected == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        byte[] bytes;
        try {
            // Parsed only to report a malformed event as extract does; the wrapper gets the bytes, as on Lambda.
            bytes = EventFile.read(event, System.in);
            EventFile.parse(event, bytes);
        } catch (EventFile.Unusable e) {
            err.println(e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        ClassLoader loader;
        try {
            loader = loader();
        } catch (MalformedURLException e) {
            err.println("bad --classpath: " + e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            TracingHandler wrapper;
            try {
                wrapper = TracingHandler.of(handler, loader, selected);
            } catch (IllegalStateException e) {
                err.println(OptionNames.asOption(e.getMessage(), "DD_LAMBDA_HANDLER", "--handler"));
                return TracexCommand.CONFIG_ERROR;
            }
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            ObjectNode report = JsonNodeFactory.instance.objectNode();
            Extraction seen;
            int status;
            try {
                seen = wrapper.invoke(bytes, result, LocalContext.of(functionName));
                report.set("result", asJson(result.toByteArray()));
                status = 0;
            } catch (Throwable t) { // the user's exception, reported as Lambda reports it
                seen = null;
                ObjectNode error = report.putObject("error");
                error.put("errorType", t.getClass().getName());
                error.put("errorMessage", t.getMessage());
                status = TracexCommand.NOT_FOUND;
            }
            if (seen != null) {
                report.set("context", ContextJson.of(seen, selected.name()));
                report.set("headers", EventJson.mapper().valueToTree(seen.parent().map(TraceHeaders::of).orElse(java.util.Map.of())));
            }
            out.println(report.toPrettyString());
            return status;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private ClassLoader loader() throws MalformedURLException {
        ClassLoader parent = InvokeCommand.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String p : classpath.split(File.pathSeparator)) {
            if (p.isBlank()) {
                continue;
            }
            if (p.endsWith("/*")) {
                // As java -cp reads it: every jar in the directory.
                File[] jars = new File(p.substring(0, p.length() - 2)).listFiles((d, n) -> n.endsWith(".jar"));
                if (jars != null) {
                    java.util.Arrays.sort(jars);
                    for (File jar : jars) {
                        urls.add(jar.toURI().toURL());
                    }
                }
            } else {
                urls.add(Path.of(p).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** The result as JSON when it is JSON (it is, for typed handlers), else as a string. */
    private static JsonNode asJson(byte[] result) {
        JsonNode n = EventJson.readOrNull(result);
        return n != null ? n : JsonNodeFactory.instance.textNode(new String(result, StandardCharsets.UTF_8));
    }
}
