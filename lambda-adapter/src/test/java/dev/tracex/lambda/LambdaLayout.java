package dev.tracex.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A function laid out as Lambda lays a Java function out, run under the real Runtime Interface Client in a
 * child JVM: the runtime client and its own dependencies alone on the JVM's class path; the function (tracex,
 * its dependencies, the OpenTelemetry API and SDK, the test functions) as {@code <taskRoot>/lib/*.jar}, loaded
 * by the runtime client's customer class loader; the working directory and {@code LAMBDA_TASK_ROOT} the task
 * root. With everything on one class path a tracer agent could instrument the runtime client's own handler
 * wrappers (its {@code aws-lambda-events} module would see {@code SQSEvent} there), which Lambda never allows.
 */
public final class LambdaLayout {
    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** What the runtime client brings itself (its Maven dependencies): on the JVM's class path. */
    private static final List<String> RUNTIME = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-core", "aws-lambda-java-serialization", "utils-lite");
    /** Test tooling and what no function here needs (GraalJS is only for JS rules): in neither place. */
    private static final List<String> NEITHER = List.of("junit", "opentest4j", "apiguardian", "assertj", "byte-buddy",
            "surefire", "polyglot", "truffle", "graal", "icu4j", "jazzer", "jniutils", "nativeimage", "word-", "collections-",
            "regex-", "shadowed", "picocli", "awssdk");

    private final Path taskRoot;
    private final String runtimeClassPath;

    private LambdaLayout(Path taskRoot, String runtimeClassPath) {
        this.taskRoot = taskRoot;
        this.runtimeClassPath = runtimeClassPath;
    }

    /**
     * Lays the function out under {@code taskRoot} from this test's class path, without the SDK's
     * autoconfiguration (with it present, {@code GlobalOpenTelemetry.get()} logs and behaves differently).
     */
    public static LambdaLayout create(Path taskRoot) throws IOException {
        return create(taskRoot, false);
    }

    /** As {@link #create(Path)}; {@code withAutoconfigure} keeps the SDK's autoconfiguration in the function. */
    public static LambdaLayout create(Path taskRoot, boolean withAutoconfigure) throws IOException {
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        List<String> runtime = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (RUNTIME.stream().anyMatch(name::startsWith)) {
                runtime.add(entry);
                if (!name.startsWith("aws-lambda-java-runtime-interface-client") && !name.startsWith("utils-lite")) {
                    Files.copy(p, lib.resolve(name)); // a function bundles core and serialization too
                }
            } else if (!withAutoconfigure && name.startsWith("opentelemetry-sdk-extension-autoconfigure")) {
                continue;
            } else if (NEITHER.stream().noneMatch(entry::contains) || entry.endsWith("classes")) {
                if (Files.isDirectory(p)) {
                    jar(p, lib.resolve(String.format("%02d-%s.jar", n++, p.getParent().getParent().getFileName() + "-" + name)));
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, lib.resolve(name));
                }
            }
        }
        return new LambdaLayout(taskRoot, String.join(File.pathSeparator, runtime));
    }

    Path taskRoot() {
        return taskRoot;
    }

    /** The runtime client and its dependencies: the child JVM's {@code -cp}. */
    public String runtimeClassPath() {
        return runtimeClassPath;
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

    /** A running function: the child JVM and its combined output. */
    static final class Function implements AutoCloseable {
        private final Process process;
        private final Path log;

        Function(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
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

    /**
     * Starts the runtime client with {@code handler} against {@code api}, the Lambda environment of function
     * {@code orders} plus {@code env}, and {@code jvmOptions} (e.g. {@code -javaagent:...}); output goes to
     * {@code <name>.log} in the task root.
     */
    Function start(String name, String handler, RuntimeApiServer api, Map<String, String> env, List<String> jvmOptions)
            throws IOException {
        Path logging = Files.writeString(taskRoot.resolve(name + "-logging.properties"), String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                "java.util.logging.ConsoleHandler.level=FINE",
                "java.util.logging.SimpleFormatter.format=%4$s %5$s%6$s%n",
                "dev.tracex.lambda.level=FINE", ""));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djava.util.logging.config.file=" + logging));
        // The README's setting for java25 (the runtime client's own native library warns without it), on the
        // command line rather than in JAVA_TOOL_OPTIONS so the function's output has no "Picked up" line.
        cmd.addAll(List.of(LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME.split(" ")));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", runtimeClassPath, RIC_MAIN, handler));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_")
                || k.startsWith("_") || k.startsWith("OTEL_") || k.equals("JAVA_TOOL_OPTIONS"));
        Map<String, String> lambda = new HashMap<>(Map.of(
                "AWS_LAMBDA_RUNTIME_API", api.address(),
                "AWS_LAMBDA_FUNCTION_NAME", "orders",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[$LATEST]test",
                "AWS_REGION", "us-east-1",
                "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "_HANDLER", handler));
        lambda.putAll(env);
        pb.environment().putAll(lambda);
        Path log = taskRoot.resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new Function(pb.start(), log);
    }
}
