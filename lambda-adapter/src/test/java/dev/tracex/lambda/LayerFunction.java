package dev.tracex.lambda;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A function that knows nothing of tracex, run the way Lambda's Java runtime runs it with tracex's layer
 * attached: {@code $AWS_LAMBDA_EXEC_WRAPPER java ... -cp <runtime> AWSLambda <handler>}, with
 * {@code AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper} and {@code _HANDLER} the function's handler.
 *
 * <p>{@code /opt} is the unzipped layer (and any other layer a test adds): the child runs in a private mount
 * namespace ({@code unshare --mount}, util-linux) with a temporary directory bind-mounted on {@code /opt},
 * because the runtime client reads layers from the fixed path {@code /opt/java/lib} (its
 * {@code AWSLambda.getLambdaRequestHandlerObject}); the host's {@code /opt} is never touched. The function's
 * code is compiled in the test against {@code aws-lambda-java-core} alone and placed at the task root, as a
 * plain function zip unpacks in {@code /var/task}.
 */
final class LayerFunction {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** The function's handler as configured in Lambda; tracex appears nowhere in the function. */
    static final String HANDLER = "example.OrderFunction::handleRequest";
    static final String WRAPPER_PATH = "/opt/tracex-wrapper";

    /** What the runtime brings itself (the runtime client's Maven dependencies): the JVM's class path. */
    private static final List<String> RUNTIME = List.of("aws-lambda-java-runtime-interface-client",
            "aws-lambda-java-core", "aws-lambda-java-serialization", "utils-lite");

    /**
     * Returns what the handler sees: the client context's {@code traceparent} (where tracex puts the extracted
     * parent for the tracers that read it there), the span current in OpenTelemetry when its API and an agent
     * are present, and where the class {@code TracingHandler} was loaded from (by name, no compile-time link).
     */
    private static final String FUNCTION_SOURCE = String.join("\n",
            "package example;",
            "import com.amazonaws.services.lambda.runtime.ClientContext;",
            "import com.amazonaws.services.lambda.runtime.Context;",
            "import com.amazonaws.services.lambda.runtime.RequestHandler;",
            "import java.util.Map;",
            "import java.util.TreeMap;",
            "public final class OrderFunction implements RequestHandler<Map<String, Object>, Map<String, String>> {",
            "    @Override",
            "    public Map<String, String> handleRequest(Map<String, Object> event, Context context) {",
            "        Map<String, String> seen = new TreeMap<>();",
            "        ClientContext cc = context.getClientContext();",
            "        Object traceparent = cc == null || cc.getCustom() == null ? null : cc.getCustom().get(\"traceparent\");",
            "        seen.put(\"traceparent\", String.valueOf(traceparent));",
            "        seen.put(\"event\", String.valueOf(event.get(\"order\")));",
            "        try {",
            "            Class<?> tracex = Class.forName(\"dev.tracex.lambda.TracingHandler\", false, getClass().getClassLoader());",
            "            seen.put(\"tracexFrom\", tracex.getProtectionDomain().getCodeSource().getLocation().getPath());",
            "        } catch (ClassNotFoundException e) {",
            "            seen.put(\"tracexFrom\", \"absent\");",
            "        }",
            "        return seen;",
            "    }",
            "}", "");

    private final Path opt;
    private final Path taskRoot;
    private final String runtimeClassPath;

    private LayerFunction(Path opt, Path taskRoot, String runtimeClassPath) {
        this.opt = opt;
        this.taskRoot = taskRoot;
        this.runtimeClassPath = runtimeClassPath;
    }

    /** {@code dir/opt} holding the layers {@code layerZips} unzipped, {@code dir/task} the compiled function. */
    static LayerFunction create(Path dir, Path... layerZips) throws IOException {
        requireMountNamespace();
        Path opt = Files.createDirectories(dir.resolve("opt"));
        for (Path zip : layerZips) {
            unzip(zip, opt);
        }
        Path taskRoot = Files.createDirectories(dir.resolve("task"));
        List<String> runtime = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> RUNTIME.stream().anyMatch(Path.of(e).getFileName().toString()::startsWith))
                .collect(Collectors.toList());
        compileFunction(taskRoot, runtime.stream().filter(e -> e.contains("aws-lambda-java-core")).findFirst()
                .orElseThrow(() -> new IllegalStateException("aws-lambda-java-core is not on the test class path")));
        return new LayerFunction(opt, taskRoot, String.join(File.pathSeparator, runtime));
    }

    /** The layer's property {@code name} ({@code tracex.test.layerZip}, set by failsafe): a zip built by package. */
    static Path builtZip(String property) {
        String zip = System.getProperty(property);
        if (zip == null || !Files.isRegularFile(Path.of(zip))) {
            throw new IllegalStateException("system property " + property + " (" + zip + ") is not a built layer zip: "
                    + "run the layer tests with `mvn verify` (failsafe, after package)");
        }
        return Path.of(zip);
    }

    /** The directory mounted on /opt in the function. */
    Path opt() {
        return opt;
    }

    Path taskRoot() {
        return taskRoot;
    }

    /**
     * Unzips {@code zip} into {@code dir}, keeping each entry's Unix mode (Lambda does: that is how the exec
     * wrapper stays executable). The JDK's zip file system reads the mode from the zip's external attributes.
     */
    static void unzip(Path zip, Path dir) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> entries = Files.walk(fs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path target = dir.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                }
            }
        }
    }

    /** The Unix permissions of {@code entry} in {@code zip}, as Lambda will extract them. */
    static Set<PosixFilePermission> permissionsInZip(Path zip, String entry) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"))) {
            return Files.getPosixFilePermissions(fs.getPath(entry));
        }
    }

    private static void compileFunction(Path taskRoot, String lambdaCore) throws IOException {
        Path src = Files.createDirectories(taskRoot.getParent().resolve("function-src/example"));
        Path file = Files.writeString(src.resolve("OrderFunction.java"), FUNCTION_SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "--release", "17", "-proc:none", "-classpath", lambdaCore,
                "-d", taskRoot.toString(), file.toString());
        if (rc != 0) {
            throw new IllegalStateException("the test function does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
    }

    /** Puts the jars of this test's class path whose names start with {@code prefixes} in the function's lib/. */
    void bundle(String... prefixes) throws IOException {
        Path lib = Files.createDirectories(taskRoot.resolve("lib"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName().toString();
            if (name.endsWith(".jar") && Arrays.stream(prefixes).anyMatch(name::startsWith)) {
                Files.copy(p, lib.resolve(name));
            }
        }
    }

    /** Writes an executable script {@code name} into /opt (another layer's wrapper, as the tests stand it in). */
    Path writeOptScript(String name, String text) throws IOException {
        Path script = Files.writeString(opt.resolve(name), text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /** A running function: the child process and its combined output. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final Path log;

        Running(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        boolean exited(long seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            // The process is unshare's, which exec'd into sh, the wrappers and then java: one pid all along.
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
     * Starts the function as Lambda's Java runtime does with {@code AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper}:
     * the wrapper is given the runtime's command line ({@code java <runtime options> -cp <runtime>
     * AWSLambda <handler>}), {@code _HANDLER} the function's handler; {@code env} is the function's configuration.
     * Output goes to {@code <name>.log} beside the task root.
     */
    Running start(String name, RuntimeApiServer api, Map<String, String> env) throws IOException {
        return start(name, api, env, WRAPPER_PATH);
    }

    /** As {@link #start(String, RuntimeApiServer, Map)}, with {@code AWS_LAMBDA_EXEC_WRAPPER=wrapper} (e.g. a tracer's alone). */
    Running start(String name, RuntimeApiServer api, Map<String, String> env, String wrapper) throws IOException {
        // Lambda's bootstrap passes "$_HANDLER" as the runtime client's argument.
        String handler = env.getOrDefault("_HANDLER", HANDLER);
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount"));
        if (!isRoot()) {
            cmd.add("--map-root-user");
        }
        // In the new namespace: the layers on /opt, then exactly what Lambda's bootstrap runs.
        cmd.addAll(List.of("sh", "-c", "mount --bind \"$0\" /opt && exec \"$@\"", opt.toString(), wrapper));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                "-cp", runtimeClassPath, RIC_MAIN, handler));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(taskRoot.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_")
                || k.startsWith("_") || k.startsWith("OTEL_") || k.startsWith("TRACEX_") || k.equals("JAVA_TOOL_OPTIONS"));
        Map<String, String> lambda = new HashMap<>(Map.of(
                "AWS_LAMBDA_RUNTIME_API", api.address(),
                "AWS_LAMBDA_FUNCTION_NAME", "orders",
                "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512",
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders",
                "AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[$LATEST]test",
                "AWS_EXECUTION_ENV", "AWS_Lambda_java17",
                "AWS_REGION", "us-east-1",
                "LAMBDA_TASK_ROOT", taskRoot.toString(),
                "_HANDLER", HANDLER));
        lambda.put("AWS_LAMBDA_EXEC_WRAPPER", wrapper);
        if (LambdaJavaOptions.jdkWarnsAboutGraalJs()) {
            // What the README has a java25 function set (the runtime client's own JNI load warns from JDK 24 on).
            lambda.put("JAVA_TOOL_OPTIONS", LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME);
        }
        lambda.putAll(env);
        pb.environment().putAll(lambda);
        Path log = taskRoot.getParent().resolve(name + ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new Running(pb.start(), log);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Fails, saying why, when this machine cannot give a child its own /opt (no util-linux {@code unshare}, or
     * mount namespaces not allowed, e.g. in a container without CAP_SYS_ADMIN and without user namespaces).
     */
    private static void requireMountNamespace() throws IOException {
        List<String> probe = new ArrayList<>(List.of("unshare", "--mount"));
        if (!isRoot()) {
            probe.add("--map-root-user");
        }
        probe.addAll(List.of("sh", "-c", "mount -t tmpfs none /opt"));
        String output;
        int rc;
        try {
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            }
            rc = p.waitFor();
        } catch (IOException e) {
            output = e.getMessage();
            rc = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (rc != 0) {
            throw new IllegalStateException("the layer tests put the layer at /opt as Lambda does, in a private mount "
                    + "namespace, and this machine refuses one (`" + String.join(" ", probe) + "`: " + output + "); "
                    + "run them as root or where unprivileged user namespaces are allowed (util-linux unshare)");
        }
    }
}
