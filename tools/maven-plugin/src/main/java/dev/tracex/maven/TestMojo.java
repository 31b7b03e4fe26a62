package dev.tracex.maven;

import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.io.File;
import java.util.List;

/**
 * Runs every rule's {@code examples:} in the project's rules file(s), as {@code tracex test} does, and fails the
 * build on a failing one with the same explanation: where the example is, what differed and how the rule went
 * about the event. Bound to {@code test}, beside the project's own tests; {@code -DskipTests} does not skip it
 * (the examples are the rules' specification, not the function's tests): {@code -Dtracex.skip} does.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends RulesMojo {
    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipped (tracex.skip).");
            return;
        }
        int passed = 0;
        int failed = 0;
        for (File file : files()) {
            if (file.getName().endsWith(".js")) {
                // A .js file is only functions: there is nowhere in it to write an example.
                getLog().info(file + ": a .js file holds no examples: nothing to test.");
                continue;
            }
            Extractors rules = load(file);
            List<ExampleResult> results = rules.runExamples();
            if (results.isEmpty()) {
                // A warning, not a failure: the plugin runs in every build of a function, not only in CI.
                getLog().warn(file + ": no rule has examples:");
            }
            for (ExampleResult r : results) {
                if (r.passed()) {
                    passed++;
                    getLog().debug(line(file, r));
                } else {
                    failed++;
                    getLog().error(line(file, r) + (r.explanation() == null ? "" : "\n" + r.explanation().render("    ").stripTrailing()));
                }
            }
        }
        String summary = passed + " passed, " + failed + " failed";
        if (failed > 0) {
            throw new MojoFailureException("rule examples: " + summary + " (the FAIL lines above)");
        }
        if (passed > 0) {
            getLog().info("Rule examples: " + summary);
        }
    }

    /** {@code tracex test}'s line for one example. */
    static String line(File file, ExampleResult r) {
        return (r.passed() ? "PASS " : "FAIL ") + file + ":" + r.line() + ":" + r.column() + ": rule \"" + r.rule()
                + "\" example " + r.index() + (r.name() == null ? "" : " (" + r.name() + ")")
                + (r.passed() ? "" : ": " + r.message());
    }

    @Override
    String verb() {
        return "test";
    }
}
