package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.InvocationContext;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.function.Consumer;

/** The event and {@code --context}, shared by {@code extract} and {@code explain}. */
final class EventOptions {
    /** The parsed event and the invocation context rules with {@code from: context} read. */
    record Input(JsonNode event, InvocationContext context) {
    }

    @Option(names = "--context", paramLabel = "FILE",
            description = "The invocation's Lambda context as JSON (awsRequestId, clientContext, xrayTraceHeader, env...), for rules with from: context.")
    Path context;

    @Parameters(paramLabel = "EVENT", description = "The event JSON file, or - for standard input.")
    String event;

    /** The event and context read, or {@code null} after reporting why not to {@code err}. */
    Input read(Consumer<String> err) {
        try {
            JsonNode tree = EventFile.parse(event, System.in);
            if (context == null) {
                return new Input(tree, InvocationContext.NONE);
            }
            JsonNode invocation = EventFile.parse(context.toString(), System.in);
            if (!invocation.isObject()) {
                err.accept(context + ": not a JSON object");
                return null;
            }
            return new Input(tree, () -> invocation);
        } catch (EventFile.Unusable e) {
            err.accept(e.getMessage());
            return null;
        }
    }
}
