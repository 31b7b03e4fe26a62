package dev.tracex.cli;

import dev.tracex.engine.PrecompiledRules;
import dev.tracex.engine.RuleCompilationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tracex compile}: what the Maven plugin's {@code compile} goal does, for Gradle, SAM and any build without
 * Maven: compiles each YAML rules file whole and writes its precompiled form ({@code extractors.yaml.tracex}),
 * which a function's cold start loads instead of compiling the YAML.
 */
@Command(name = "compile", description = {
        "Compile each YAML rules file and write its precompiled form (<file>.tracex), which the function loads at cold"
                + " start instead of compiling the YAML. Put it beside the rules file in the function's package."})
final class CompileCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "YAML rules files (.yaml or .yml).")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Where to write the forms (created if missing); default: beside each rules file.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!PrecompiledRules.supports(name)) {
                err.println(file + ": only a YAML rules file (.yaml, .yml) has a precompiled form");
                return TracexCommand.CONFIG_ERROR;
            }
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                byte[] form = PrecompiledRules.write(text, file.toString(), file.toAbsolutePath().getParent());
                Path dir = output != null ? output : file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path target = dir.resolve(name + PrecompiledRules.SUFFIX);
                Files.write(target, form);
                out.println(file + ": " + target + " (" + form.length + " bytes)");
            } catch (RuleCompilationException e) {
                err.println(e.getMessage());
                return TracexCommand.CONFIG_ERROR;
            } catch (IOException e) {
                err.println(file + ": " + e);
                return TracexCommand.CONFIG_ERROR;
            }
        }
        return 0;
    }
}
