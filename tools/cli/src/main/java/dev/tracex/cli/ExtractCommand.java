package dev.tracex.cli;

import dev.tracex.engine.ContextJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code tracex extract}: the context an extractor finds in one event, as JSON. */
@Command(name = "extract", description = "Print the trace context found in an event (JSON file, or - for stdin).")
final class ExtractCommand implements Callable<Integer> {
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
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        ExtractorOptions.Selected selected = selection.resolveApart(err::println);
        if (selected == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        EventOptions.Input in = input.read(err::println);
        if (in == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        Attempts.Answer answer = Attempts.extract(selected, !noFallback, in);
        if (answer.byFallback()) {
            err.println(Attempts.fallbackNote(selected.rule(), selected.fallback()));
        }
        out.println(ContextJson.of(answer.extraction(), selected.rule().name()).toPrettyString());
        return answer.extraction().parent().isPresent() ? TracexCommand.FOUND : TracexCommand.NOT_FOUND;
    }
}
