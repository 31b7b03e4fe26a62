package dev.tracex.cli;

import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tracex check}: compile every rule of each file (JS included) and print its plan. */
@Command(name = "check", description = "Compile every rule of each rules file and print its plan.")
final class CheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rules files (.yaml, .yml or .js).")
    List<Path> files;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        java.io.PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            Extractors x = TracexCommand.load(file, err);
            if (x == null) {
                return TracexCommand.CONFIG_ERROR;
            }
            try {
                x.compileAll();
                out.println(file + ": " + TracexCommand.count(x.names().size(), "rule"));
                for (String name : x.names()) {
                    out.println("  " + name + " = " + x.plan(name));
                }
            } catch (RuleCompilationException e) {
                err.println(e.getMessage());
                return TracexCommand.CONFIG_ERROR;
            }
        }
        return 0;
    }
}
