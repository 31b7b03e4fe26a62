package dev.tracex.maven;

import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** What {@code check} and {@code test} share: which rules files, how one is loaded, and {@code skip}. */
abstract class RulesMojo extends AbstractMojo {
    /** The default file's names, in the order they are looked for. */
    static final List<String> DEFAULT_NAMES = List.of("extractors.yaml", "extractors.yml", "extractors.js");

    /** The project's base directory, where the default rules file is looked for. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    /**
     * The rules files ({@code .yaml}, {@code .yml} or {@code .js}). When not set, the first of
     * {@code src/main/resources/extractors.yaml}, {@code .yml} and {@code .js} that exists; when none does,
     * the goal has nothing to do and succeeds. A file set here must exist.
     */
    @Parameter
    List<File> rulesFiles;

    /** Skips the goal (e.g. {@code -Dtracex.skip}). */
    @Parameter(property = "tracex.skip", defaultValue = "false")
    boolean skip;

    /**
     * The files to work on: those configured, else the default one if it exists, else none (logged).
     *
     * @throws MojoFailureException when a configured file does not exist: a typo in the POM is no reason to
     *                              check nothing
     */
    final List<File> files() throws MojoFailureException {
        if (rulesFiles != null && !rulesFiles.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (File f : rulesFiles) {
                if (!f.isFile()) {
                    missing.add(f.getPath());
                }
            }
            if (!missing.isEmpty()) {
                throw new MojoFailureException("no such rules file: " + String.join(", ", missing));
            }
            return rulesFiles;
        }
        File resources = new File(basedir, "src/main/resources");
        for (String name : DEFAULT_NAMES) {
            File f = new File(resources, name);
            if (f.isFile()) {
                return List.of(f);
            }
        }
        getLog().info("No rules file (" + new File(resources, DEFAULT_NAMES.get(0)) + ", .yml or .js): nothing to "
                + verb() + ".");
        return List.of();
    }

    /** What the goal does to a file, for the log ("check", "test"). */
    abstract String verb();

    /**
     * Loads (and so compiles) one file; its problems are logged one per line and fail the build, as
     * {@code tracex check} prints them.
     */
    final Extractors load(File file) throws MojoExecutionException, MojoFailureException {
        try {
            return Extractors.load(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuleCompilationException e) {
            throw failure(file, e);
        }
    }

    /**
     * Every error on its own ERROR line, as {@code tracex check} prints them (what an IDE links), and a one-line
     * count as the build's failure, so Maven's summary does not print them all a second time.
     */
    final MojoFailureException failure(File file, RuleCompilationException e) {
        e.errors().forEach(error -> getLog().error(error.toString()));
        int n = e.errors().size();
        return new MojoFailureException(file + ": " + n + (n == 1 ? " problem" : " problems") + " (the lines above)");
    }
}
