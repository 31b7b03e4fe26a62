package dev.tracex.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The built distributions, {@code tracex-<version>.zip} and {@code .tar.gz}, unpacked with the system's
 * {@code unzip} and {@code tar} as a user unpacks them, and their {@code bin/tracex} run as a user runs it, with
 * {@code JAVA_HOME} set to JDK 17 and to JDK 25 in turn: a JS rule finds its context and nothing, no JVM warning
 * above all, is printed on stderr. JDK 25 is looked for where {@code .ci/run} looks ({@code JDK25_HOME}, else
 * Temurin's 25 beside the system JDK); only its tests are skipped, saying so, when it is not there.
 * {@code bin/tracex.cmd} cannot run here (no Windows): {@link TracexLauncherScriptTest} checks it as text.
 */
class DistributionIT {
    private static final String VERSION = System.getProperty("tracex.version");
    static final Path JDK17 = jdk(17, "JDK17_HOME", "/usr/lib/jvm/java-17-openjdk-amd64");
    static final Path JDK25 = jdk(25, "JDK25_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    static Path unpacked;
    static Path fromZip;
    static Path fromTarGz;

    @BeforeAll
    static void unpackAsAUserWould() throws Exception {
        Path zip = built("tracex.dist.zip");
        Path tarGz = built("tracex.dist.tarGz");
        assertThat(zip.getFileName()).hasToString("tracex-" + VERSION + ".zip");
        assertThat(tarGz.getFileName()).hasToString("tracex-" + VERSION + ".tar.gz");
        fromZip = unpack(Files.createDirectories(unpacked.resolve("zip")), "unzip", "-q", zip.toString());
        fromTarGz = unpack(Files.createDirectories(unpacked.resolve("tar.gz")), "tar", "-xzf", tarGz.toString());
    }

    static Stream<Arguments> archives() {
        return Stream.of(argumentSet("zip", "zip"), argumentSet("tar.gz", "tar.gz"));
    }

    static Stream<Arguments> archivesAndJdks() {
        return Stream.of(
                argumentSet("zip on JDK 17", "zip", 17),
                argumentSet("zip on JDK 25", "zip", 25),
                argumentSet("tar.gz on JDK 17", "tar.gz", 17),
                argumentSet("tar.gz on JDK 25", "tar.gz", 25));
    }

    @ParameterizedTest
    @MethodSource("archives")
    void archive_holdsTheLaunchersTheShadedJarAndAReadme(String archive) throws IOException {
        Path home = home(archive);
        List<String> expected = new ArrayList<>(List.of("README.txt", "bin/tracex", "bin/tracex.cmd", "lib/tracex.jar"));
        // The licence files come from the repository's root, once it has them.
        for (String legal : List.of("LICENSE", "NOTICE")) {
            if (Files.exists(Path.of("../..", legal))) {
                expected.add(legal);
            }
        }

        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> home.relativize(f).toString()))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(Files.mismatch(home.resolve("lib/tracex.jar"), built("tracex.jar"))).as("the same bytes as tracex.jar").isEqualTo(-1L);
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/tracex"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.readString(home.resolve("bin/tracex"))).startsWith("#!/bin/sh\n").doesNotContain("\r");
        assertThat(Files.readString(home.resolve("bin/tracex.cmd"))).startsWith("@echo off\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(Files.readString(home.resolve("README.txt"))).startsWith("tracex " + VERSION + ": the tracex command line");
    }

    @ParameterizedTest
    @MethodSource("archivesAndJdks")
    void launcher_versionCheckExtract_jsRulePrintsNoJvmWarning(String archive, int jdk, @TempDir Path dir) throws Exception {
        Path javaHome = jdk == 17 ? JDK17 : JDK25;
        assumeTrue(javaHome != null, "JDK 25 not found (JDK25_HOME, /usr/lib/jvm/temurin-25-jdk-amd64): not run on it");
        TracexJarIT.jsRule(dir);
        Map<String, String> env = Map.of("JAVA_HOME", javaHome.toString());

        Launch version = launch(home(archive), dir, env, "--version");
        Launch check = launch(home(archive), dir, env, "check", "extractors.yaml");
        Launch extract = launch(home(archive), dir, env, "extract", "--extractor", "extractors.sqs_js", "event.json");

        assertThat(version).isEqualTo(new Launch(0, "tracex " + VERSION + "\n", ""));
        assertThat(check).isEqualTo(new Launch(0, "extractors.yaml: 1 rule\n  sqs_js = Script(sqs_js, extractors.yaml:3, "
                + "GraalJS: a read of \"trim\" (a prototype member) at extractors.yaml:3:33)\n", ""));
        assertThat(extract.err()).as("stderr on JDK %d", jdk).isEmpty();
        assertThat(extract.exit()).isZero();
        assertThat(new ObjectMapper().readTree(extract.out()).get("trace_id").asText()).isEqualTo("2684756524522091840");
    }

    /** No JAVA_HOME: the java on the PATH, here JDK 25's, gets JDK 25's option, so again no warning. */
    @Test
    void launcher_javaFromThePath_jsRulePrintsNoJvmWarning(@TempDir Path dir) throws Exception {
        assumeTrue(JDK25 != null, "JDK 25 not found (JDK25_HOME, /usr/lib/jvm/temurin-25-jdk-amd64): not run on it");
        TracexJarIT.jsRule(dir);

        Launch extract = launch(fromZip, dir, Map.of("PATH", JDK25.resolve("bin") + ":/usr/bin:/bin"),
                "extract", "--extractor", "extractors.sqs_js", "event.json");

        assertThat(extract.err()).isEmpty();
        assertThat(extract.exit()).isZero();
    }

    /**
     * JAVA_OPTS, then TRACEX_OPTS, reach the JVM in that order: a JS statement limit too low for the rule's loop
     * in JAVA_OPTS stops it; the same property in TRACEX_OPTS, later on the command line, wins.
     */
    @Test
    void launcher_javaOptsThenTracexOpts_reachTheJvm(@TempDir Path dir) throws Exception {
        Files.writeString(TracexJarIT.jsRule(dir).resolve("loop.yaml"), String.join("\n",
                "extractors:",
                "  loop:",
                "    js: |",
                "      (payload) => {",
                "        let n = 0;",
                "        for (let i = 0; i < 5000; i++) { n++; }",
                "        return JSON.parse(payload.Records[0].messageAttributes._datadog.stringValue);",
                "      }",
                ""));
        String javaOpts = "-Dtracex.test.unused=1 -Dtracex.js.statementLimit=1000";
        String[] extract = {"extract", "--no-fallback", "--extractor", "loop.loop", "event.json"};

        Launch stopped = launch(fromZip, dir, Map.of("JAVA_HOME", JDK17.toString(), "JAVA_OPTS", javaOpts), extract);
        Launch raised = launch(fromZip, dir, Map.of("JAVA_HOME", JDK17.toString(), "JAVA_OPTS", javaOpts,
                "TRACEX_OPTS", "-Dtracex.js.statementLimit=1000000"), extract);

        assertThat(stopped.exit()).isEqualTo(1);
        assertThat(stopped.err()).isEqualTo("[WARN] dev.tracex.engine: rule \"loop\": no context: stopped: statement limit of 1000 exceeded\n");
        assertThat(raised.err()).isEmpty();
        assertThat(raised.exit()).isZero();
    }

    record Launch(int exit, String out, String err) {
    }

    /**
     * Runs {@code home/bin/tracex args} in {@code dir} with {@code env} over a plain environment: no DD_/AWS_/LAMBDA_
     * variable, no JVM options from the test's environment; JAVA_HOME only when {@code env} gives it.
     */
    private static Launch launch(Path home, Path dir, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/tracex").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_")
                || List.of("JAVA_HOME", "JAVA_OPTS", "TRACEX_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").contains(k));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("bin/tracex " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Launch(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    /** The distribution's directory as unpacked from {@code archive}. */
    private static Path home(String archive) {
        return archive.equals("zip") ? fromZip : fromTarGz;
    }

    /** Runs {@code command} in {@code dir} and returns the one directory it unpacked there, tracex-&lt;version&gt;. */
    private static Path unpack(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top).as("everything under one directory").containsExactly(dir.resolve("tracex-" + VERSION));
        }
        return dir.resolve("tracex-" + VERSION);
    }

    /** A file the build made, named by the system property failsafe sets. */
    private static Path built(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException(property + " is not set: run the *IT tests with failsafe, after package");
        }
        return Path.of(path);
    }

    /**
     * The home of a JDK of {@code feature}: this test's own JDK when it is that one, else {@code variable}, else
     * {@code fallback}; checked by its release file. Null when there is none (only JDK 25 may be missing).
     */
    private static Path jdk(int feature, String variable, String fallback) {
        Path own = Path.of(System.getProperty("java.home"));
        Optional<Path> found = Stream.of(Runtime.version().feature() == feature ? own : null,
                        Optional.ofNullable(System.getenv(variable)).map(Path::of).orElse(null), Path.of(fallback))
                .filter(h -> h != null && Files.isExecutable(h.resolve("bin/java")))
                .findFirst();
        if (found.isEmpty()) {
            if (feature == 17) {
                throw new IllegalStateException("no JDK 17: set JDK17_HOME");
            }
            return null;
        }
        try {
            assertThat(Files.readString(found.get().resolve("release"))).as("%s/release", found.get())
                    .containsPattern("(?m)^JAVA_VERSION=\"" + feature + "[.\"]");
        } catch (IOException e) {
            throw new IllegalStateException(found.get() + " has no release file", e);
        }
        return found.get();
    }
}
