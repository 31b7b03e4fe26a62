package dev.tracex.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A function laid out as Lambda lays it out, from this test's class path: the function's classes (tracex's
 * modules and the test functions, class directories here) at the task root, its jars in {@code lib/};
 * the runtime client and its own dependencies alone on the JVM's class path. The runtime client loads the
 * function with its own class loader over the working directory and {@code lib/*.jar}
 * ({@code AWSLambda.java} / {@code CustomerClassLoader.java} in aws-lambda-java-libs), so a child JVM started
 * in the task root with {@link #runtimeClassPath()} sees the function exactly as on Lambda.
 */
final class LambdaTaskRoot {
    /** The runtime client's jars and its dependencies (its pom: aws-lambda-java-core, -serialization, utils-lite). */
    private static final List<String> RUNTIME = List.of("aws-lambda-java-runtime-interface-client-",
            "aws-lambda-java-core-", "aws-lambda-java-serialization-", "utils-lite-");
    /** The function's jars: what tracex and the test functions need at run time, nothing of the test framework. */
    private static final List<String> FUNCTION_JARS = List.of("tracex-", "jackson-", "json-path-", "json-smart-",
            "accessors-smart-", "asm-", "snakeyaml-", "slf4j-api-", "opentelemetry-api-", "opentelemetry-context-",
            "opentelemetry-common-", "aws-lambda-java-events-");

    private LambdaTaskRoot() {
    }

    /** The class path of the runtime client alone, for {@code -cp}. */
    static String runtimeClassPath() {
        return ChildJvm.classPath(entry -> startsWithAny(Path.of(entry).getFileName().toString(), RUNTIME));
    }

    /**
     * Fills {@code taskRoot}: class directories of this class path copied in, the function's jars and
     * {@code extraJars} into {@code lib/}.
     */
    static Path create(Path taskRoot, Path... extraJars) throws IOException {
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                copyTree(p, taskRoot);
            } else if (name.endsWith(".jar") && startsWithAny(name, FUNCTION_JARS) && !startsWithAny(name, RUNTIME)) {
                Files.copy(p, lib.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path jar : extraJars) {
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        return taskRoot;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            try {
                Files.createDirectories(target.getParent());
                Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }
}
