package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.Json;
import dev.tracex.lambda.ExtractorResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tracex extract}: the context an extractor finds in one event, as JSON. */
@Command(name = "extract", description = "Print the trace context found in an event (JSON file, or - for stdin).")
final class ExtractCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--extractor", paramLabel = "<file>.<name>",
            description = "The rule to use, as DD_TRACE_EXTRACTOR would name it (default: $DD_TRACE_EXTRACTOR, else builtin.default).")
    String extractor;

    @Option(names = "--context", paramLabel = "FILE",
            description = "The invocation's Lambda context as JSON (awsRequestId, clientContext, xrayTraceHeader, env...), for rules with from: context.")
    Path context;

    @Option(names = "--path", paramLabel = "DIR", description = "A directory to look for the rules file in (repeatable), searched before LAMBDA_TASK_ROOT and the working directory.")
    List<Path> paths = new ArrayList<>();

    @Parameters(paramLabel = "EVENT", description = "The event JSON file, or - for standard input.")
    String event;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        Extractor selected;
        try {
            selected = ExtractorResolver.forCommandLine(extractor, paths).resolveStrict();
        } catch (RuleCompilationException e) {
            err.println(e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
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
