package dev.tracex.maven;

import dev.tracex.engine.RuleCompilationException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;

/**
 * Compiles every rule of the project's rules file(s), JS snippets included, as {@code tracex check} does, and fails
 * the build with every problem as {@code file:line:column: rule "x": message}. Bound to {@code process-resources}:
 * before anything is compiled or packaged, and after the resources a build may generate.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class CheckMojo extends RulesMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (tracex.skip).");
            return;
        }
        for (File file : files()) {
            try {
                load(file).compileAll();
            } catch (RuleCompilationException e) {
                throw failure(file, e);
            }
            getLog().info(file + ": OK");
        }
    }

    @Override
    String verb() {
        return "check";
    }
}
