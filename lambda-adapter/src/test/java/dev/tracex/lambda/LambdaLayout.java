package dev.tracex.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A Java function laid out as Lambda lays one out, from this test's class path: the runtime client and its own
 * dependencies alone on the JVM's class path; the function (tracex, its dependencies, the OpenTelemetry API and SDK,
 * the test functions) as {@code <taskRoot>/lib/*.jar}, loaded by the runtime client's customer class loader. With
 * everything on one class path a tracer agent could instrument the runtime client's own handler wrappers (its
 * {@code aws-lambda-events} module would see {@code SQSEvent} there), which Lambda never allows.
 */
final class LambdaLayout {
    /** What the runtime client brings itself (its Maven dependencies): on the JVM's class path. */
    private static final List<String> RUNTIME = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-core", "aws-lambda-java-serialization", "utils-lite");
    /** Test tooling and what no function here needs (GraalJS is only for JS rules): in neither place. */
    private static final List<String> NEITHER = List.of("junit", "opentest4j", "apiguardian", "assertj", "byte-buddy",
            "surefire", "polyglot", "truffle", "graal", "icu4j", "jazzer", "jniutils", "nativeimage", "word-", "collections-",
            "regex-", "shadowed", "picocli", "awssdk");

    private LambdaLayout() {
    }

    /** The runtime client and its dependencies: the child JVM's {@code -cp}. */
    static String runtimeClassPath() {
        return ChildJvm.classPath(entry -> RUNTIME.stream().anyMatch(Path.of(entry).getFileName().toString()::startsWith));
    }

    /**
     * Puts the function in {@code lib}: the entries of this test's class path but the runtime client's, test tooling and
     * what {@code leaveOut} matches (class directories as jars), then {@code extraJars}.
     */
    static void bundle(Path lib, Predicate<String> leaveOut, List<Path> extraJars) throws IOException {
        Files.createDirectories(lib);
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (RUNTIME.stream().anyMatch(name::startsWith)) {
                if (!name.startsWith("aws-lambda-java-runtime-interface-client") && !name.startsWith("utils-lite")) {
                    Files.copy(p, lib.resolve(name)); // a function bundles core and serialization too
                }
            } else if (!leaveOut.test(entry) && (NEITHER.stream().noneMatch(entry::contains) || entry.endsWith("classes"))) {
                if (Files.isDirectory(p)) {
                    jar(p, lib.resolve(String.format("%02d-%s.jar", n++, p.getParent().getParent().getFileName() + "-" + name)));
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, lib.resolve(name));
                }
            }
        }
        for (Path jar : extraJars) {
            Files.copy(jar, lib.resolve(jar.getFileName()));
        }
    }

    private static void jar(Path dir, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
