package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.cli.internal.suggest.Suggester;
import dev.tracex.cli.internal.suggest.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code tracex suggest}: rules for the places an event carries a trace context, best first, printed as a rules file
 * (each rule with an example cut from the event); which built-ins read the event already; and where given ids appear.
 */
@Command(name = "suggest", description = "Find where an event carries a trace context and print, best first, a rule for "
        + "each place (a rules file, each rule with an example made from the event); say which built-in rules read it already.")
final class SuggestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "EVENT", description = "The event JSON file, or - for standard input.")
    String event;

    @Option(names = "--trace-id", paramLabel = "ID",
            description = "A trace id the event should carry (decimal, 16 or 32 hex): where it appears, and rules finding it first.")
    String traceId;

    @Option(names = "--parent-id", paramLabel = "ID", description = "A parent span id the event should carry (decimal or 16 hex).")
    String parentId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode tree;
        try {
            tree = EventFile.parse(event, System.in);
        } catch (EventFile.Unusable e) {
            err.println(e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        Suggestions found;
        try {
            found = Suggester.suggest(tree, event.equals("-") ? "standard input" : event, traceId, parentId, Set.of());
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        out.print(found.text());
        out.flush();
        return found.proposals().isEmpty() ? TracexCommand.NOT_FOUND : TracexCommand.FOUND;
    }
}
