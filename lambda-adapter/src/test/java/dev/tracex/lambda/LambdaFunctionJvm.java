package dev.tracex.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A function run under the real AWS Lambda runtime interface client ({@code AWSLambda}) in a child JVM, against a
 * {@link RuntimeApiServer} on loopback, with Lambda's environment for a function {@code orders}; the host's Lambda,
 * tracer and JVM option variables never reach it ({@link ChildJvm}). Three layouts:
 * <ul>
 * <li>{@link #laidOut}: as Lambda lays out a Java function ({@link LambdaLayout}), the runtime client alone on the
 * JVM's class path, the function in {@code <taskRoot>/lib};</li>
 * <li>{@link #onTheClassPath}: the function on the JVM's class path beside the runtime client, for what lib/ leaves
 * out (GraalJS for JS rules) or a class path of the test's choosing (a log provider);</li>
 * <li>{@link #withLayers}: the runtime client alone on the class path, the function in the task root, and a
 * directory of the test's on {@code /opt}, where the runtime client reads layers from ({@code /opt/java/lib}).</li>
 * </ul>
 * The working directory and {@code LAMBDA_TASK_ROOT} are the task root; the handler is tracex's
 * {@code TracingHandler} unless set. Immutable: each setting returns a copy, so one layout serves several starts.
 *
 * <pre>{@code
 * try (RuntimeApiServer api = new RuntimeApiServer();
 *      RunningFunction f = LambdaFunctionJvm.laidOut(taskRoot)
 *              .env(Map.of("DD_LAMBDA_HANDLER", "dev.tracex.lambda.functions.SdkFunction"))
 *              .start("sdk", api)) {
 *     api.enqueue("r1", event, Map.of());
 *     RuntimeApiServer.Outcome outcome = f.await("r1", 60);
 * }
 * }</pre>
 */
public final class LambdaFunctionJvm {
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String TRACING_HANDLER = "dev.tracex.lambda.TracingHandler::handleRequest";
    /** The SDK's autoconfiguration: with it in a function, {@code GlobalOpenTelemetry.get()} logs and behaves differently. */
    public static final String SDK_AUTOCONFIGURE = "opentelemetry-sdk-extension-autoconfigure";

    private final Path taskRoot;
    private final String classPath;
    private final Path opt;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private String execWrapper;
    private boolean quietOnCommandLine = true;
    private boolean julAtFine;
    private boolean separateStreams;
    private boolean telemetryLog;

    private LambdaFunctionJvm(Path taskRoot, String classPath, Path opt) {
        this.taskRoot = taskRoot;
        this.classPath = classPath;
        this.opt = opt;
    }

    /** Lays the function out under {@code taskRoot} from this test's class path, without the SDK's autoconfiguration. */
    static LambdaFunctionJvm laidOut(Path taskRoot) throws IOException {
        return laidOut(taskRoot, entry -> entry.contains(SDK_AUTOCONFIGURE), List.of());
    }

    /**
     * As {@link #laidOut(Path)}, leaving out the class path entries {@code leaveOut} matches (instead of the SDK's
     * autoconfiguration), with {@code extraJars} in lib/ too.
     */
    public static LambdaFunctionJvm laidOut(Path taskRoot, Predicate<String> leaveOut, List<Path> extraJars) throws IOException {
        LambdaLayout.bundle(taskRoot.resolve("lib"), leaveOut, extraJars);
        return new LambdaFunctionJvm(taskRoot, LambdaLayout.runtimeClassPath(), null);
    }

    /** The whole of this test's class path on the JVM's, the runtime client's and the function's. */
    static LambdaFunctionJvm onTheClassPath(Path taskRoot) {
        return onTheClassPath(taskRoot, entry -> false, List.of());
    }

    /** This test's class path without the entries {@code leaveOut} matches, then {@code extraJars}. */
    static LambdaFunctionJvm onTheClassPath(Path taskRoot, Predicate<String> leaveOut, List<Path> extraJars) {
        List<String> entries = new ArrayList<>(List.of(ChildJvm.classPath(leaveOut.negate())));
        extraJars.forEach(jar -> entries.add(jar.toString()));
        return new LambdaFunctionJvm(taskRoot, String.join(File.pathSeparator, entries), null);
    }

    /**
     * The runtime client alone on the class path, the function in {@code taskRoot}, {@code opt} on {@code /opt}
     * ({@link MountNamespace}), because the runtime client reads layers from that fixed path. Fails, saying why, where
     * this machine refuses a mount namespace.
     */
    static LambdaFunctionJvm withLayers(Path taskRoot, Path opt) throws IOException {
        MountNamespace.require();
        return new LambdaFunctionJvm(taskRoot, LambdaLayout.runtimeClassPath(), opt);
    }

    /** The function's handler, {@code _HANDLER}: Lambda's bootstrap passes {@code $_HANDLER} as the runtime client's argument. */
    LambdaFunctionJvm handler(String handler) {
        return env(Map.of("_HANDLER", handler));
    }

    /** The function's configuration, over Lambda's own variables. */
    public LambdaFunctionJvm env(Map<String, String> variables) {
        return with(c -> c.env.putAll(variables));
    }

    /** Options on the java command line, before {@code -cp} (e.g. {@code -javaagent:...}). */
    public LambdaFunctionJvm jvmOptions(String... options) {
        return with(c -> c.jvmOptions.addAll(List.of(options)));
    }

    /**
     * {@code JAVA_TOOL_OPTIONS} as a function's configuration sets it ({@code null}: none), in place of the documented
     * java25 setting ({@link LambdaJavaOptions#QUIET_ON_EVERY_RUNTIME}) that otherwise goes on the command line, where
     * the function's output gets no "Picked up" line and the runtime client's own native library does not warn.
     */
    LambdaFunctionJvm javaToolOptions(String options) {
        return with(c -> {
            c.quietOnCommandLine = false;
            c.env.remove("JAVA_TOOL_OPTIONS");
            if (options != null) {
                c.env.put("JAVA_TOOL_OPTIONS", options);
            }
        });
    }

    /**
     * {@code AWS_LAMBDA_EXEC_WRAPPER}: the runtime's command line ({@code java <runtime options> -cp <runtime>
     * AWSLambda <handler>}) is handed to {@code wrapper}, as Lambda's Java runtime does.
     */
    LambdaFunctionJvm execWrapper(String wrapper) {
        return with(c -> c.execWrapper = wrapper);
    }

    /**
     * java.util.logging on the console from FINE for {@code dev.tracex.lambda}, as {@code LEVEL message}: tracex's
     * lines through the test class path's SLF4J provider (slf4j-jdk14), debug lines included.
     */
    LambdaFunctionJvm julAtFine() {
        return with(c -> c.julAtFine = true);
    }

    /** Standard output and standard error each in a file of its own ({@link RunningFunction#stdout()}, {@link RunningFunction#stderr()}). */
    public LambdaFunctionJvm separateStreams() {
        return with(c -> c.separateStreams = true);
    }

    /**
     * The runtime's telemetry log ({@link RunningFunction#telemetry()}): {@code _LAMBDA_TELEMETRY_LOG_FD=3} on a file that
     * the shell starting the JVM opens, as Lambda hands the runtime its telemetry pipe; the java.io package open to
     * the runtime client, which opens the descriptor reflectively, as Lambda's Java runtimes start it.
     */
    LambdaFunctionJvm telemetryLog() {
        return with(c -> c.telemetryLog = true);
    }

    /** Starts the function against {@code api}; its output goes to files named {@code name.*} in the task root. */
    public RunningFunction start(String name, RuntimeApiServer api) throws IOException {
        Path telemetry = telemetryLog ? taskRoot.resolve(name + ".telemetry") : null;
        Map<String, String> environment = environment(api, telemetry);
        ProcessBuilder pb = new ProcessBuilder(command(name, environment.get("_HANDLER"), telemetry)).directory(taskRoot.toFile());
        ChildJvm.clearHostVariables(pb.environment());
        pb.environment().putAll(environment);
        Path stdout = taskRoot.resolve(name + (separateStreams ? ".stdout" : ".log"));
        Path stderr = separateStreams ? taskRoot.resolve(name + ".stderr") : null;
        if (stderr == null) {
            pb.redirectErrorStream(true).redirectOutput(stdout.toFile());
        } else {
            pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        }
        return new RunningFunction(pb.start(), api, stdout, stderr, telemetry);
    }

    /** What Lambda sets for a function {@code orders}, then the test's configuration. */
    private Map<String, String> environment(RuntimeApiServer api, Path telemetry) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_LAMBDA_RUNTIME_API", api.address());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", "orders");
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders");
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[$LATEST]test");
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("_HANDLER", TRACING_HANDLER);
        if (execWrapper != null) {
            environment.put("AWS_LAMBDA_EXEC_WRAPPER", execWrapper);
        }
        if (telemetry != null) {
            environment.put("_LAMBDA_TELEMETRY_LOG_FD", "3");
        }
        environment.putAll(env);
        return environment;
    }

    /** The namespace, the telemetry descriptor and the exec wrapper in front, if any, then the runtime's java command. */
    private List<String> command(String name, String handler, Path telemetry) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (opt != null) {
            cmd.addAll(MountNamespace.withOpt(opt));
        }
        if (telemetry != null) {
            cmd.addAll(List.of("sh", "-c", "exec \"$@\" 3>\"$0\"", telemetry.toString()));
        }
        if (execWrapper != null) {
            cmd.add(execWrapper);
        }
        cmd.add(ChildJvm.java());
        cmd.addAll(ChildJvm.QUICK_START);
        if (julAtFine) {
            cmd.add("-Djava.util.logging.config.file=" + Files.writeString(taskRoot.resolve(name + "-logging.properties"),
                    String.join("\n", "handlers=java.util.logging.ConsoleHandler", "java.util.logging.ConsoleHandler.level=FINE",
                            "java.util.logging.SimpleFormatter.format=%4$s %5$s%6$s%n", "dev.tracex.lambda.level=FINE", "")));
        }
        if (telemetry != null) {
            cmd.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        }
        if (quietOnCommandLine) {
            cmd.addAll(List.of(LambdaJavaOptions.QUIET_ON_EVERY_RUNTIME.split(" ")));
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, RIC_MAIN, handler));
        return cmd;
    }

    /** A copy with {@code change} made: one layout, several starts. */
    private LambdaFunctionJvm with(Consumer<LambdaFunctionJvm> change) {
        LambdaFunctionJvm c = new LambdaFunctionJvm(taskRoot, classPath, opt);
        c.env.putAll(env);
        c.jvmOptions.addAll(jvmOptions);
        c.execWrapper = execWrapper;
        c.quietOnCommandLine = quietOnCommandLine;
        c.julAtFine = julAtFine;
        c.separateStreams = separateStreams;
        c.telemetryLog = telemetryLog;
        change.accept(c);
        return c;
    }
}
