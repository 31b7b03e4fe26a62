package dev.tracex.cli;

import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tracex test}: run every rule's {@code examples:} and report {@code N passed, N failed}. */
@Command(name = "test", description = "Run the examples: of every rule and report N passed, N failed.")
final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rules files (.yaml or .yml).")
    List<Path> files;

    @Override
    public Integer call() {
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            Extractors x;
            try {
                x = Extractors.load(file);
            } catch (RuleCompilationException e) {
                System.err.println(e.getMessage());
                return TracexCommand.CONFIG_ERROR;
            } catch (IOException e) {
                System.err.println(file + ": cannot read: " + e.getMessage());
                return TracexCommand.CONFIG_ERROR;
            }
            for (ExampleResult r : x.runExamples()) {
                if (r.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                System.out.println((r.passed() ? "PASS " : "FAIL ") + file + ":" + r.line() + ":" + r.column() + ": rule \""
                        + r.rule() + "\" example " + r.index() + (r.name() == null ? "" : " (" + r.name() + ")")
                        + (r.passed() ? "" : ": " + r.message()));
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
