package dev.tracex.cli;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.TraceContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code tracex explain}: why an extractor found what it found in one event. The selected rule, then
 * {@code builtin.default} when it found nothing, each rule tried in order with each pipeline stage, each format
 * and why it was rejected, JS errors with their position; then which rule answered. Quotes the event's values:
 * it is the user's own event, on their own terminal.
 */
@Command(name = "explain", description = "Explain how the extractor went through an event: every rule tried, each "
        + "pipeline stage and what it got, each format and why it was rejected, and which rule answered.")
final class ExplainCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    ExtractorOptions selection;

    @picocli.CommandLine.Mixin
    EventOptions input;

    @Option(names = "--no-fallback", description = "Do not run builtin.default when the selected rule finds nothing.")
    boolean noFallback;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtractorOptions.Selected selected = selection.resolveApart(err::println);
        if (selected == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        EventOptions.Input in = input.read(err::println);
        if (in == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        Attempts.Explained why = Attempts.explain(selected, !noFallback, in);
        out.print(why.selected());
        if (why.fallback() != null) {
            out.println("rule \"" + selected.rule().name() + "\" found no context: the fallback runs");
            out.print(why.fallback());
        } else if (selected.fallback() != null && why.selected().extraction().parent().isEmpty()) {
            out.println("no fallback (--no-fallback)");
        }
        out.println(verdict(why.answer(), selected.rule().name()));
        return why.answer().extraction().parent().isPresent() ? TracexCommand.FOUND : TracexCommand.NOT_FOUND;
    }

    private static String verdict(Attempts.Answer answer, String selected) {
        Extraction e = answer.extraction();
        String through = answer.byFallback() ? ", through the fallback: rule \"" + selected + "\" found none" : "";
        if (e.parent().isPresent()) {
            TraceContext c = e.parent().get();
            return "answer: rule \"" + c.rule() + "\" found trace_id " + c.traceId() + ", parent_id " + c.parentIdDecimal()
                    + " (" + c.format() + ")" + through;
        }
        if (!e.links().isEmpty()) {
            return "answer: " + e.links().size() + " batch links, no parent" + through;
        }
        return "answer: no context";
    }
}
