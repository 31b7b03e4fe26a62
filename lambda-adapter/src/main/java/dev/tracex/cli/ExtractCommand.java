package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        JsonNode tree;
        JsonNode invocation = null;
        try {
            tree = EventFile.parse(event, System.in);
            if (context != null) {
                invocation = EventFile.parse(context.toString(), System.in);
                if (!invocation.isObject()) {
                    err.println(context + ": not a JSON object");
                    return TracexCommand.CONFIG_ERROR;
                }
            }
        } catch (EventFile.Unusable e) {
            err.println(e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        JsonNode invocationJson = invocation;
        Extraction found = selected.extract(tree, () -> invocationJson);
        out.println(ContextJson.of(found, selected.name()).toPrettyString());
        return found.parent().isPresent() ? TracexCommand.FOUND : TracexCommand.NOT_FOUND;
    }
}
