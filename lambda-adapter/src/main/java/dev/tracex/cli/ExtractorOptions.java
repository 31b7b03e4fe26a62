package dev.tracex.cli;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.lambda.ExtractorResolver;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code --extractor} and {@code --path}, shared by the commands that run an extractor, resolved as the adapter resolves it. */
final class ExtractorOptions {
    @Option(names = "--extractor", paramLabel = "<file>.<name>",
            description = "The rule to use, as DD_TRACE_EXTRACTOR would name it (default: $DD_TRACE_EXTRACTOR, else builtin.default).")
    String extractor;

    @Option(names = "--path", paramLabel = "DIR", description = "A directory to look for the rules file in (repeatable), searched before LAMBDA_TASK_ROOT and the working directory.")
    List<Path> paths = new ArrayList<>();

    /** The selected extractor with {@code builtin.default} behind it, or {@code null} after reporting why not to {@code err}. */
    Extractor resolve(Consumer<String> err) {
        try {
            return ExtractorResolver.forCommandLine(extractor, paths).resolveStrict();
        } catch (RuleCompilationException | IllegalArgumentException | IllegalStateException e) {
            err.accept(e.getMessage());
            return null;
        }
    }
}
