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
            for (ExampleResult r : x.runExamples()) {
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                out.println((r.passed() ? "PASS " : "FAIL ") + file + ":" + r.line() + ":" + r.column() + ": rule \""
                        + r.rule() + "\" example " + r.index() + (r.name() == null ? "" : " (" + r.name() + ")")
                        + (r.passed() ? "" : ": " + r.message()));
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
