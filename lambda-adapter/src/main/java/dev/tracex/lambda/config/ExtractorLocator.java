package dev.tracex.lambda.config;

import dev.tracex.engine.PrecompiledRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the rules file of an {@link ExtractorSelection}: {@code <file>.yaml}, {@code .yml} or {@code .js},
 * in each search directory in order ({@code DD_TRACE_EXTRACTOR_PATH}, then {@code LAMBDA_TASK_ROOT}),
 * then at the class path root (a file in a function's {@code src/main/resources}), then in the working
 * directory. The first directory holding any of the three wins; within it, YAML before JS. A YAML file's
 * precompiled form is read from beside it ({@code extractors.yaml.tracex}), where the build put it. Immutable.
 */
public final class ExtractorLocator {
    static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".js");

    private final List<Path> directories;
    private final ClassLoader classpath;

    private ExtractorLocator(List<Path> directories, ClassLoader classpath) {
        this.directories = List.copyOf(directories);
        this.classpath = classpath;
    }

    /**
     * The search order of the Lambda adapter: {@code DD_TRACE_EXTRACTOR_PATH} (colon-separated), then
     * {@code LAMBDA_TASK_ROOT}, then {@code classpath}'s root (if not null), then the working directory.
     */
    public static ExtractorLocator fromEnvironment(Map<String, String> env, List<Path> extraFirst, ClassLoader classpath) {
        List<Path> dirs = new ArrayList<>(extraFirst);
        String path = env.get("DD_TRACE_EXTRACTOR_PATH");
        if (path != null) {
            for (String d : path.split(":")) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d.trim()));
                }
            }
        }
        String taskRoot = env.get("LAMBDA_TASK_ROOT");
        if (taskRoot != null && !taskRoot.isBlank()) {
            dirs.add(Path.of(taskRoot));
        }
        return new ExtractorLocator(dirs, classpath);
    }

    /** The directories searched before the class path and the working directory. */
    public List<Path> directories() {
        return directories;
    }

    /**
     * The rules file for {@code selection}, or empty; what was tried is in {@link #describeSearch}.
     *
     * @throws UncheckedIOException when a file exists but cannot be read
     */
    public Optional<RulesFile> locate(ExtractorSelection selection) {
        Objects.requireNonNull(selection, "selection");
        for (Path dir : directories) {
            Optional<RulesFile> p = inDirectory(dir, selection.file());
            if (p.isPresent()) {
                return p;
            }
        }
        if (classpath != null) {
            Optional<RulesFile> p = onClasspath(selection.file());
            if (p.isPresent()) {
                return p;
            }
        }
        return inDirectory(Path.of(""), selection.file());
    }

    /** Where {@link #locate} looked, for the error message when it finds nothing. */
    public String describeSearch(ExtractorSelection selection) {
        List<String> places = new ArrayList<>();
        directories.forEach(d -> places.add(d.toString()));
        if (classpath != null) {
            places.add("the class path root");
        }
        places.add("the working directory (" + Path.of("").toAbsolutePath() + ")");
        return selection.file() + "{" + String.join(",", EXTENSIONS) + "} in " + String.join(", ", places);
    }

    private static Optional<RulesFile> inDirectory(Path dir, String file) {
        for (String ext : EXTENSIONS) {
            Path p = dir.resolve(file + ext);
            if (Files.isRegularFile(p)) {
                try {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    byte[] precompiled = PrecompiledRules.supports(ext)
                            ? formBeside(p.resolveSibling(p.getFileName() + PrecompiledRules.SUFFIX)) : null;
                    return Optional.of(new RulesFile(p.toString(), text, p.toAbsolutePath().getParent(), precompiled));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
                }
            }
        }
        return Optional.empty();
    }

    /** A rules file at the class path root, named {@code classpath:<file>} in messages. */
    private Optional<RulesFile> onClasspath(String file) {
        for (String ext : EXTENSIONS) {
            URL url = classpath.getResource(file + ext);
            if (url == null) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(new RulesFile("classpath:" + file + ext, text, null,
                        PrecompiledRules.supports(ext) ? resource(file + ext + PrecompiledRules.SUFFIX) : null));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read classpath:" + file + ext + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    /**
     * The precompiled form at {@code form}, or {@code null} when there is none or it cannot be read: the form only
     * saves time, so a problem with it must not cost the function its rules file.
     */
    private static byte[] formBeside(Path form) {
        try {
            return Files.isRegularFile(form) ? Files.readAllBytes(form) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A class path resource's bytes, or {@code null} when there is none or it cannot be read (as {@link #formBeside}). */
    private byte[] resource(String name) {
        try (InputStream in = classpath.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
