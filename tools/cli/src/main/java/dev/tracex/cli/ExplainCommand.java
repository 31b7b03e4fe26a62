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
        out.print(text(why, selected));
        out.flush(); // print does not flush as println did, and main exits right after
        return why.answer().extraction().parent().isPresent() ? TracexCommand.FOUND : TracexCommand.NOT_FOUND;
    }

    /** What {@code tracex explain} prints for {@code why}: also the playground's trace pane. */
    static String text(Attempts.Explained why, ExtractorOptions.Selected selected) {
        StringBuilder out = new StringBuilder();
        if (selected.settings().variable().isPresent()) {
            // Only when a tracer setting chose them: with none set, every style is read, as always.
            out.append(selected.settings().describe()).append('\n');
        }
        out.append(why.selected());
        if (why.fallback() != null) {
            out.append("rule \"").append(selected.rule().name()).append("\" found no context: the fallback runs\n");
            out.append(why.fallback());
        } else if (selected.fallback() != null && why.selected().extraction().parent().isEmpty()) {
            out.append("no fallback (--no-fallback)\n");
        }
        out.append(verdict(why.answer(), selected.rule().name())).append('\n');
        return out.toString();
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
