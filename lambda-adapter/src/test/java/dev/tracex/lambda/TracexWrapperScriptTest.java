package dev.tracex.lambda;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The layer's exec wrapper ({@code src/layer/tracex-wrapper}) as a script: what it hands on (the command line
 * and the environment), given what Lambda's Java runtime gives it, checked by running it with a stand-in for
 * the runtime's command that prints both. {@code shellcheck} judges every shell script of the project.
 */
class TracexWrapperScriptTest {
    static final Path SCRIPT = Path.of("src/layer/tracex-wrapper");
    private static final String TRACEX = "dev.tracex.lambda.TracingHandler::handleRequest";
    private static final String FUNCTION = "com.example.Orders::handle";

    @TempDir
    Path dir;

    /** What ran after the wrapper: its arguments (one a line, after "argv:") and the three variables. */
    record Handed(int exit, String output) {
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                argumentSet("the function's handler becomes the target; its argument, and only an exact match, is replaced",
                        Map.of("_HANDLER", FUNCTION),
                        List.of("-Dx=" + FUNCTION, FUNCTION),
                        String.join("\n", "_HANDLER=" + TRACEX, "DD_LAMBDA_HANDLER=" + FUNCTION,
                                "argv:", "-Dx=" + FUNCTION, TRACEX)),
                argumentSet("the function's own DD_LAMBDA_HANDLER is kept",
                        Map.of("_HANDLER", FUNCTION, "DD_LAMBDA_HANDLER", "com.example.Other"),
                        List.of(FUNCTION),
                        String.join("\n", "_HANDLER=" + TRACEX, "DD_LAMBDA_HANDLER=com.example.Other", "argv:", TRACEX)),
                argumentSet("a function whose handler is already the wrapper handler is left as it is",
                        Map.of("_HANDLER", TRACEX, "DD_LAMBDA_HANDLER", FUNCTION),
                        List.of(TRACEX),
                        String.join("\n", "_HANDLER=" + TRACEX, "DD_LAMBDA_HANDLER=" + FUNCTION, "argv:", TRACEX)),
                argumentSet("the wrapper handler in its class form is left as it is too",
                        Map.of("_HANDLER", "dev.tracex.lambda.TracingHandler", "DD_LAMBDA_HANDLER", FUNCTION),
                        List.of("dev.tracex.lambda.TracingHandler"),
                        String.join("\n", "_HANDLER=dev.tracex.lambda.TracingHandler", "DD_LAMBDA_HANDLER=" + FUNCTION,
                                "argv:", "dev.tracex.lambda.TracingHandler")),
                argumentSet("arguments with spaces and glob characters pass unchanged",
                        Map.of("_HANDLER", FUNCTION),
                        List.of("-Da=b c", "*", "", FUNCTION),
                        String.join("\n", "_HANDLER=" + TRACEX, "DD_LAMBDA_HANDLER=" + FUNCTION,
                                "argv:", "-Da=b c", "*", "", TRACEX)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void run_asLambdasRuntimeRunsIt_handsOnTheRewrittenCommandLine(Map<String, String> env, List<String> args, String expected)
            throws Exception {
        Handed handed = run(env, args);
        assertThat(handed.output()).isEqualTo(expected + "\n");
        assertThat(handed.exit()).isZero();
    }

    @Test
    void run_nextWrapperNamed_itRunsWithTheRewrittenCommandLine() throws Exception {
        Path next = script("next-wrapper", "#!/bin/sh\necho \"next wrapper: $*\"\nexec \"$@\"\n");
        Handed handed = run(Map.of("_HANDLER", FUNCTION, "TRACEX_NEXT_WRAPPER", next.toString()), List.of(FUNCTION));
        assertThat(handed.output()).isEqualTo(String.join("\n", "next wrapper: " + printer() + " " + TRACEX,
                "_HANDLER=" + TRACEX, "DD_LAMBDA_HANDLER=" + FUNCTION, "argv:", TRACEX, ""));
    }

    @Test
    void run_nextWrapperMissing_failsNamingIt() throws Exception {
        Handed handed = run(Map.of("_HANDLER", FUNCTION, "TRACEX_NEXT_WRAPPER", "/opt/otel-handler-missing"), List.of(FUNCTION));
        assertThat(handed.exit()).isEqualTo(126);
        assertThat(handed.output()).isEqualTo("tracex-wrapper: TRACEX_NEXT_WRAPPER=/opt/otel-handler-missing is not an "
                + "executable file (is its layer attached?)\n");
    }

    @Test
    void run_nextWrapperIsItself_isIgnored() throws Exception {
        Handed handed = run(Map.of("_HANDLER", FUNCTION, "TRACEX_NEXT_WRAPPER", SCRIPT.toString()), List.of(FUNCTION));
        assertThat(handed.output()).startsWith("tracex-wrapper: TRACEX_NEXT_WRAPPER=" + SCRIPT + " is this wrapper itself; ignored\n")
                .endsWith("argv:\n" + TRACEX + "\n");
        assertThat(handed.exit()).isZero();
    }

    /**
     * Every shell script of the project (a {@code #!} line naming sh or bash, outside build output), at
     * shellcheck's warning level: errors and warnings fail, its style notes do not.
     */
    @Test
    void shellcheck_projectScripts_reportNoWarning() throws Exception {
        String shellcheck = AptTool.SHELLCHECK.executable();
        List<String> scripts = projectShellScripts(Path.of("..").toAbsolutePath().normalize());
        assertThat(scripts).as("the project's shell scripts")
                .anyMatch(s -> s.endsWith("src/layer/tracex-wrapper"))
                .anyMatch(s -> s.endsWith("release/publish-layer.sh"));
        List<String> cmd = new ArrayList<>(List.of(shellcheck, "--severity=warning", "--format=gcc"));
        cmd.addAll(scripts);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("shellcheck %s", scripts).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    private static List<String> projectShellScripts(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String r = root.relativize(f).toString();
                        // target/ at the root too: the release checks copy the tree there (release/*.sh).
                        return !r.startsWith(".git/") && !r.startsWith("target/") && !r.contains("/target/")
                                && !r.contains("node_modules/");
                    })
                    .filter(TracexWrapperScriptTest::isShellScript)
                    .map(Path::toString).sorted().toList();
        }
    }

    private static boolean isShellScript(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(64);
            String first = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            return first.startsWith("#!") && first.matches("#!.*\\b(sh|bash)\\b.*");
        } catch (IOException e) {
            return false;
        }
    }

    /** The stand-in for the runtime's java command: prints the variables the wrapper sets and its arguments. */
    private Path printer() throws IOException {
        Path p = dir.resolve("print-command");
        if (!Files.exists(p)) {
            script("print-command", String.join("\n", "#!/bin/sh",
                    "echo \"_HANDLER=$_HANDLER\"", "echo \"DD_LAMBDA_HANDLER=${DD_LAMBDA_HANDLER-<unset>}\"",
                    "echo argv:", "for a in \"$@\"; do printf '%s\\n' \"$a\"; done", ""));
        }
        return p;
    }

    private Path script(String name, String text) throws IOException {
        Path p = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Handed run(Map<String, String> env, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(SCRIPT.toString(), printer().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("_") || k.startsWith("TRACEX_")
                || k.startsWith("AWS_"));
        pb.environment().putAll(new HashMap<>(env));
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Handed(p.exitValue(), out);
    }
}
