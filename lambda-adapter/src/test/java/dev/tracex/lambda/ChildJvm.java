package dev.tracex.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * This JDK's {@code java} in a child process, for the tests that judge a JVM by what it prints: {@link #run} runs a
 * main class with (a filtered copy of) this test's class path to its end, bounded in time; {@link LambdaFunctionJvm}
 * starts the runtime client with the same options, environment and stop.
 */
public final class ChildJvm {
    /** Quick to start, as the child JVMs run briefly: C1 alone (as on Lambda's Java runtimes) and the JDK's CDS archive. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

    public record Result(int exit, String stdout, String stderr) {
    }

    private ChildJvm() {
    }

    public static String classPath(Predicate<String> keep) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(keep).collect(Collectors.joining(File.pathSeparator));
    }

    public static Result run(String classPath, Map<String, String> env, Path workDir, long timeoutSeconds, String... mainAndArgs)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(QUICK_START);
        cmd.addAll(List.of("-cp", classPath));
        cmd.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        clearHostVariables(pb.environment());
        pb.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("child JVM did not finish in " + timeoutSeconds + " s; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The {@code java} of the JDK running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Removes from a child's environment what the host's would change in it: Lambda's, the tracers' and tracex's
     * variables, and the JVM's option variables (a "Picked up" line, or options, the test did not ask for).
     */
    static void clearHostVariables(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_") || k.startsWith("_")
                || k.startsWith("OTEL_") || k.startsWith("TRACEX_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
    }

    /** Stops {@code process}: asked first, forced after ten seconds. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
