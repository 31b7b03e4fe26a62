package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.internal.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tracex extract}: the context an extractor finds in one event, as JSON. */
@Command(name = "extract", description = "Print the trace context found in an event (JSON file, or - for stdin).")
final class ExtractCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    ExtractorOptions selection;

    @Option(names = "--context", paramLabel = "FILE",
            description = "The invocation's Lambda context as JSON (awsRequestId, clientContext, xrayTraceHeader, env...), for rules with from: context.")
    Path context;

    @Parameters(paramLabel = "EVENT", description = "The event JSON file, or - for standard input.")
    String event;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        Extractor selected = selection.resolve(err::println);
        if (selected == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        byte[] bytes;
        try {
            bytes = event.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(event));
        } catch (IOException e) {
            err.println("cannot read event " + event + ": " + e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        JsonNode tree = Json.parseOrNull(bytes);
        if (tree == null) {
            err.println(event + ": not valid JSON");
            return TracexCommand.CONFIG_ERROR;
        }
        JsonNode invocation = null;
        if (context != null) {
            try {
                invocation = Json.parseOrNull(Files.readAllBytes(context));
            } catch (IOException e) {
                err.println("cannot read context " + context + ": " + e.getMessage());
                return TracexCommand.CONFIG_ERROR;
            }
            if (invocation == null || !invocation.isObject()) {
                err.println(context + ": not a JSON object");
                return TracexCommand.CONFIG_ERROR;
            }
        }
        JsonNode invocationJson = invocation;
        Extraction found = selected.extract(tree, () -> invocationJson);
        out.println(ContextJson.of(found, selected.name()).toPrettyString());
        return found.parent().isPresent() ? TracexCommand.FOUND : TracexCommand.NOT_FOUND;
    }
}
