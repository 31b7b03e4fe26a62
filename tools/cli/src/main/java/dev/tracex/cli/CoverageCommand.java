package dev.tracex.cli;

import dev.tracex.cli.internal.coverage.CoverageReport;
import dev.tracex.cli.internal.coverage.CoverageRun;
import dev.tracex.cli.internal.coverage.EventParser;
import dev.tracex.cli.internal.coverage.EventSources;
import dev.tracex.cli.internal.coverage.Progress;
import dev.tracex.cli.internal.coverage.UnreadableEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tracex coverage}: the selected rule (without {@code builtin.default} behind it) run over captured events,
 * tallied: how many got a context, which rule answered how often, the misses grouped by the first stage that failed in
 * each rule, with an example event per group.
 */
@Command(name = "coverage", description = "Run a rule over many captured events (files, directories, newline-delimited JSON; "
        + "- for standard input) and report how many got a context, which rule answered how often, and the misses grouped "
        + "by the first stage that failed, each with an example event.")
final class CoverageCommand implements Callable<Integer> {
    /** The command line's own reading of an event, so a bad one is named as {@code extract} names it. */
    private static final EventParser STRICT = (file, line, json) -> {
        try {
            return EventFile.parse(file, line, json);
        } catch (EventFile.Unusable e) {
            throw new UnreadableEvent(e.getMessage());
        }
    };

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Mixin
    ExtractorOptions selection;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Event files (one event, or a JSON array of them), "
            + ".ndjson/.jsonl files (one event a line), directories (every .json, .ndjson and .jsonl file below), or - "
            + "for newline-delimited JSON on standard input.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExtractorOptions.Selected selected = selection.resolveApart(err::println);
        if (selected == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        EventSources sources;
        try {
            sources = EventSources.of(inputs, System.in, STRICT);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        CoverageRun run = new CoverageRun(selected.rule(), STRICT, new Progress(err, Progress.onTerminal(), System::nanoTime));
        sources.forEach(run);
        CoverageReport report = run.report();
        out.print(json ? report.json().toPrettyString() + "\n" : report.text());
        out.flush();
        return report.missed() == 0 && report.unreadable() == 0 ? TracexCommand.FOUND : TracexCommand.NOT_FOUND;
    }
}
