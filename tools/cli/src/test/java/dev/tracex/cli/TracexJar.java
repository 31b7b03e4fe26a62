package dev.tracex.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built {@code tracex.jar} run with {@code java -jar} in a child JVM, as a user runs it. */
final class TracexJar {
    private TracexJar() {
    }

    /** {@code target/tracex.jar}, as the build made it (failsafe passes its path). */
    static Path built() {
        String jar = System.getProperty("tracex.jar");
        if (jar == null) {
            throw new IllegalStateException("tracex.jar is not set: run the *IT tests with failsafe, after package");
        }
        return Path.of(jar);
    }

    /**
     * The launch docs/command-line.md documents for this JDK: from JDK 24 the JVM warns on GraalJS's first
     * {@code sun.misc.Unsafe} memory access, which no manifest attribute can allow (the jar's
     * {@code Enable-Native-Access} covers the native-access warning); JDK 17 to 23 need nothing.
     */
    static final List<String> DOCUMENTED_JVM_OPTIONS = Runtime.version().feature() >= 24
            ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();

    /** Runs {@code java [documented options] -jar jar args...}: see {@link #run(Path, Path, List, String...)}. */
    static CommandRun run(Path jar, Path workDir, String... args) throws IOException, InterruptedException {
        return run(jar, workDir, DOCUMENTED_JVM_OPTIONS, args);
    }

    /**
     * Runs {@code java jvmOptions -jar jar args...} in {@code workDir} with no DD_/AWS_/LAMBDA_ variables and no
     * JVM options from the environment; bounded in time.
     */
    static CommandRun run(Path jar, Path workDir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:TieredStopAtLevel=1"); // short runs: the C1 compiler is enough and starts faster
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        Path out = Files.createTempFile("tracex-stdout", ".txt");
        Path err = Files.createTempFile("tracex-stderr", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("tracex " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new CommandRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
