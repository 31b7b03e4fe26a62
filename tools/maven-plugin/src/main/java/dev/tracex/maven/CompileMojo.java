package dev.tracex.maven;

import dev.tracex.engine.PrecompiledRules;
import dev.tracex.engine.RuleCompilationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the precompiled form of the project's YAML rules file(s) ({@code extractors.yaml.tracex}) into the
 * function's classes, beside the rules file the resources step copied there: at cold start the function loads the
 * rule it selects from it, without parsing the YAML or compiling the file's other rules. The whole file is
 * compiled first, so a broken rule fails the build here as in {@code check}. A {@code .js} rules file has no
 * precompiled form (logged). Bound to {@code process-resources}, after the resources are copied.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class CompileMojo extends RulesMojo {
    /**
     * Where the forms are written: the class path root by default, where a rules file in
     * {@code src/main/resources} is packaged. Set it to where the function's package puts a rules file kept
     * elsewhere (the form must lie beside the rules file the function reads).
     */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (tracex.skip).");
            return;
        }
        for (File file : files()) {
            if (!PrecompiledRules.supports(file.getName())) {
                getLog().info(file + ": a .js rules file has no precompiled form; it is compiled at cold start");
                continue;
            }
            Path target = outputDirectory.toPath().resolve(file.getName() + PrecompiledRules.SUFFIX);
            try {
                String text = Files.readString(file.toPath(), StandardCharsets.UTF_8);
                byte[] form = PrecompiledRules.write(text, file.getPath(), file.getAbsoluteFile().getParentFile().toPath());
                Files.createDirectories(target.getParent());
                Files.write(target, form);
            } catch (RuleCompilationException e) {
                throw failure(file, e);
            } catch (IOException e) {
                throw new MojoExecutionException("cannot precompile " + file + " into " + target + ": " + e.getMessage(), e);
            }
            getLog().info(file + ": precompiled into " + target);
        }
    }

    @Override
    String verb() {
        return "precompile";
    }
}
