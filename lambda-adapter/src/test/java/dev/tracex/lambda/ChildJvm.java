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

/** Runs a main class in a child JVM with (a filtered copy of) this test's class path; bounded in time. */
public final class ChildJvm {
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
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_") || k.startsWith("_"));
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
}
