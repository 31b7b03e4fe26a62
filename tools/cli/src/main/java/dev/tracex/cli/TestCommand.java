package dev.tracex.cli;

import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tracex test}: run every rule's {@code examples:} and report {@code N passed, N failed}. */
@Command(name = "test", description = "Run the examples: of every rule and report N passed, N failed.")
final class TestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rules files (.yaml or .yml).")
    List<Path> files;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            Extractors x = TracexCommand.load(file, err);
            if (x == null) {
                return TracexCommand.CONFIG_ERROR;
            }
            if (file.getFileName().toString().endsWith(".js")) {
                // A .js file is only functions: there is nowhere in it to write an example.
                err.println(file + ": a .js file holds no examples: run its rules with `tracex extract --extractor "
                        + stem(file) + ".<rule> EVENT.json`, or write them as js: rules with examples: in a YAML file");
                return TracexCommand.CONFIG_ERROR;
            }
            List<ExampleResult> results = x.runExamples();
            if (results.isEmpty()) {
                err.println(file + ": no rule has examples:");
            }
            for (ExampleResult r : results) {
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                out.println((r.passed() ? "PASS " : "FAIL ") + file + ":" + r.line() + ":" + r.column() + ": rule \""
                        + r.rule() + "\" example " + r.index() + (r.name() == null ? "" : " (" + r.name() + ")")
                        + (r.passed() ? "" : ": " + r.message()));
                if (r.explanation() != null) {
                    out.print(r.explanation().render("    "));
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        // Nothing run is not a pass: a CI step running `tracex test` on a file without examples tests nothing.
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".js".length());
    }
}
