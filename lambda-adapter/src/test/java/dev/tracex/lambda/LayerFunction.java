package dev.tracex.lambda;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A function that knows nothing of tracex, run the way Lambda's Java runtime runs it with tracex's layer
 * attached: {@code $AWS_LAMBDA_EXEC_WRAPPER java ... -cp <runtime> AWSLambda <handler>}, with
 * {@code AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper} and {@code _HANDLER} the function's handler
 * ({@link LambdaFunctionJvm#withLayers}).
 *
 * <p>{@code /opt} is the unzipped layer (and any other layer a test adds), a temporary directory the child sees
 * on {@code /opt}, where the runtime client reads layers from ({@code /opt/java/lib}, its
 * {@code AWSLambda.getLambdaRequestHandlerObject}). The function's code is compiled in the test against
 * {@code aws-lambda-java-core} alone and placed at the task root, as a plain function zip unpacks in
 * {@code /var/task}.
 */
final class LayerFunction {
    /** The function's handler as configured in Lambda; tracex appears nowhere in the function. */
    static final String HANDLER = "example.OrderFunction::handleRequest";
    static final String WRAPPER_PATH = "/opt/tracex-wrapper";

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
    private final LambdaFunctionJvm jvm;

    private LayerFunction(Path opt, Path taskRoot, LambdaFunctionJvm jvm) {
        this.opt = opt;
        this.taskRoot = taskRoot;
        this.jvm = jvm;
    }

    /** {@code dir/opt} holding the layers {@code layerZips} unzipped, {@code dir/task} the compiled function. */
    static LayerFunction create(Path dir, Path... layerZips) throws IOException {
        Path opt = dir.resolve("opt");
        Path taskRoot = dir.resolve("task");
        LambdaFunctionJvm jvm = LambdaFunctionJvm.withLayers(taskRoot, opt).execWrapper(WRAPPER_PATH).handler(HANDLER)
                .jvmOptions("-XX:-UsePerfData")
                // What docs/snapstart-and-runtimes.md has a java25 function set (the runtime client's own JNI load warns from JDK 24 on).
                .javaToolOptions(LambdaJavaOptions.jdkWarnsAboutGraalJs() ? LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME : null);
        Files.createDirectories(opt);
        for (Path zip : layerZips) {
            unzip(zip, opt);
        }
        Files.createDirectories(taskRoot);
        String lambdaCore = ChildJvm.classPath(e -> Path.of(e).getFileName().toString().startsWith("aws-lambda-java-core"));
        if (lambdaCore.isEmpty()) {
            throw new IllegalStateException("aws-lambda-java-core is not on the test class path");
        }
        compileFunction(taskRoot, lambdaCore);
        return new LayerFunction(opt, taskRoot, jvm);
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

    /**
     * Starts the function as Lambda's Java runtime does with {@code AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper}:
     * the wrapper is given the runtime's command line ({@code java <runtime options> -cp <runtime> AWSLambda
     * <handler>}), {@code _HANDLER} the function's handler; {@code env} is the function's configuration (a
     * {@code _HANDLER} there is the handler). Output goes to {@code <name>.log} in the task root.
     */
    RunningFunction start(String name, RuntimeApiServer api, Map<String, String> env) throws IOException {
        return jvm.env(env).start(name, api);
    }
}
