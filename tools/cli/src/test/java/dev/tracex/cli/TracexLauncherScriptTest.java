package dev.tracex.cli;

import dev.tracex.lambda.AptTool;
import org.junit.jupiter.api.BeforeEach;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The distribution's launchers as scripts, before any packaging: {@code src/dist/bin/tracex} run against stand-in
 * JDKs (a {@code bin/java} that prints the arguments it was given, and a {@code release} file or a
 * {@code -version} line), so each JDK version's options, the java it picks and the errors are checked without
 * starting a JVM. {@code DistributionIT} runs the real thing on real JDKs. {@code src/dist/bin/tracex.cmd} cannot
 * run here (no Windows, no cmd.exe): it is checked as text to take the same decisions.
 */
class TracexLauncherScriptTest {
    static final Path LAUNCHER = Path.of("src/dist/bin/tracex");
    static final Path WINDOWS_LAUNCHER = Path.of("src/dist/bin/tracex.cmd");
    private static final String UNSAFE_ALLOW = "--sun-misc-unsafe-memory-access=allow";

    @TempDir
    Path dir;
    /** The launcher, copied into {@code dir/opt/my tools/tracex/bin} as in a distribution (a space in the path). */
    Path launcher;
    /** Where the launcher finds the jar: {@code lib/} beside its {@code bin/}. */
    String jar;

    @BeforeEach
    void copyTheLauncherIntoADistribution() throws IOException {
        launcher = Files.copy(LAUNCHER, Files.createDirectories(dir.resolve("opt/my tools/tracex/bin")).resolve("tracex"),
                StandardCopyOption.COPY_ATTRIBUTES);
        jar = dir.resolve("opt/my tools/tracex/lib/tracex.jar").toString();
    }

    /** What a stand-in java printed (its arguments, one a line, after "argv:") or the launcher said instead. */
    record Launch(int exit, String out, String err) {
    }

    static Stream<Arguments> jdks() {
        return Stream.of(
                argumentSet("JDK 17: nothing to add", "JAVA_VERSION=\"17.0.15\"", null, List.of()),
                argumentSet("JDK 21: nothing to add", "JAVA_VERSION=\"21.0.5\"", null, List.of()),
                argumentSet("JDK 23: takes the option but allows by default, nothing to add", "JAVA_VERSION=\"23\"", null, List.of()),
                argumentSet("JDK 24: the Unsafe option", "JAVA_VERSION=\"24\"", null, List.of(UNSAFE_ALLOW)),
                argumentSet("JDK 25: the Unsafe option", "JAVA_VERSION=\"25.0.3\"", null, List.of(UNSAFE_ALLOW)),
                argumentSet("an early-access JDK 26: the Unsafe option", "JAVA_VERSION=\"26-ea\"", null, List.of(UNSAFE_ALLOW)),
                argumentSet("no release file: java -version tells (JDK 25)", null,
                        "openjdk version \"25.0.1\" 2025-10-21 LTS", List.of(UNSAFE_ALLOW)),
                argumentSet("no release file, JAVA_TOOL_OPTIONS noted first: its version line still tells (JDK 17)", null,
                        "Picked up JAVA_TOOL_OPTIONS: -Dx=1\nopenjdk version \"17.0.15\" 2025-04-15", List.of()),
                argumentSet("neither tells: no option rather than one the JVM may refuse", null, "something else", List.of()));
    }

    @ParameterizedTest
    @MethodSource("jdks")
    void launcher_eachJdkVersion_getsTheOptionsItNeedsBeforeTheJar(String release, String versionOutput, List<String> expected)
            throws Exception {
        Path home = fakeJdk("Java Home", release, versionOutput);

        Launch run = launch(Map.of("JAVA_HOME", home.toString()), "extract", "--extractor", "extractors.json", "a b.json");

        List<String> argv = new ArrayList<>(expected);
        argv.addAll(List.of("-jar", jar, "extract", "--extractor", "extractors.json", "a b.json"));
        assertThat(run).isEqualTo(new Launch(0, argv(argv), ""));
    }

    @Test
    void launcher_olderThan17_isRefusedWithoutRunningJava() throws Exception {
        Path java11 = fakeJdk("jdk11", "JAVA_VERSION=\"11.0.25\"", null);
        Path java8 = fakeJdk("jdk8", null, "java version \"1.8.0_402\"");

        Launch eleven = launch(Map.of("JAVA_HOME", java11.toString()), "--version");
        Launch eight = launch(Map.of("JAVA_HOME", java8.toString()), "--version");

        assertThat(eleven).isEqualTo(new Launch(2, "", "tracex: " + java11 + "/bin/java is Java 11; tracex needs Java 17 or later (set JAVA_HOME)\n"));
        assertThat(eight).isEqualTo(new Launch(2, "", "tracex: " + java8 + "/bin/java is Java 8; tracex needs Java 17 or later (set JAVA_HOME)\n"));
    }

    @Test
    void launcher_javaOptsThenTracexOpts_comeAfterTheJdksOptionsSplitAtSpacesNeverGlobbed() throws Exception {
        Path home = fakeJdk("jdk", "JAVA_VERSION=\"25.0.3\"", null);
        Files.createFile(dir.resolve("-Da=a file the word would match if globbed"));

        Launch run = launch(Map.of("JAVA_HOME", home.toString(), "JAVA_OPTS", " -Xmx256m  -Da=* ", "TRACEX_OPTS", "-Dtracex.js.timeoutMillis=5000"),
                "--version");

        assertThat(run).isEqualTo(new Launch(0, argv(List.of(UNSAFE_ALLOW, "-Xmx256m", "-Da=*", "-Dtracex.js.timeoutMillis=5000",
                "-jar", jar, "--version")), ""));
    }

    /**
     * Debian's {@code /usr/bin/java} is a link to {@code /etc/alternatives/java}, a link to the JDK's
     * {@code bin/java}: the release file is found at the end of the links. A link to the launcher (e.g. in
     * {@code ~/bin}) still finds the jar beside the real {@code bin/}.
     */
    @Test
    void launcher_javaOnThePathThroughLinks_readsTheLinkedJdksVersion() throws Exception {
        Path home = fakeJdk("jdk", "JAVA_VERSION=\"25.0.3\"", null);
        Path alternatives = Files.createDirectories(dir.resolve("etc/alternatives"));
        Files.createSymbolicLink(alternatives.resolve("java"), home.resolve("bin/java"));
        Path usrBin = Files.createDirectories(dir.resolve("usr/bin"));
        Files.createSymbolicLink(usrBin.resolve("java"), Path.of("../../etc/alternatives/java"));
        Path userBin = Files.createDirectories(dir.resolve("home/bin"));
        Path linkedLauncher = Files.createSymbolicLink(userBin.resolve("tracex"), launcher);

        Launch run = run(linkedLauncher, Map.of("PATH", usrBin + ":" + tools()), "--version");

        assertThat(run).isEqualTo(new Launch(0, argv(List.of(UNSAFE_ALLOW, "-jar", jar, "--version")), ""));
    }

    @Test
    void launcher_noJava_saysWhereItLooked() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-jdk"));

        Launch badHome = launch(Map.of("JAVA_HOME", empty.toString()), "--version");
        Launch nothingOnPath = run(launcher, Map.of("PATH", tools()), "--version");

        assertThat(badHome).isEqualTo(new Launch(2, "", "tracex: JAVA_HOME is " + empty
                + ", which has no bin/java: set it to a Java 17 or later, or unset it to use the java on the PATH\n"));
        assertThat(nothingOnPath).isEqualTo(new Launch(2, "",
                "tracex: no java on the PATH and JAVA_HOME is not set: install Java 17 or later\n"));
    }

    /** Run with {@code shellcheck}'s every check, style included: the launcher is what users read and copy. */
    @Test
    void shellcheck_launcher_reportsNothing() throws Exception {
        Process p = new ProcessBuilder(AptTool.SHELLCHECK.executable(), "--format=gcc", LAUNCHER.toString()).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    /**
     * No cmd.exe here: the Windows launcher is checked to take the launcher's decisions with the same values
     * (the threshold and option per JDK, the refusal below 17, where java and the options come from, the jar).
     */
    @Test
    void windowsLauncher_takesTheSameDecisionsAsTheLauncher() throws IOException {
        String sh = Files.readString(LAUNCHER);
        String cmd = Files.readString(WINDOWS_LAUNCHER);

        assertThat(only(sh, "if \\[ \"\\$feature\" -ge (\\d+) \\]; then\\s+jdk_options=(\\S+)\n"))
                .isEqualTo(only(cmd, "if %TRACEX_JAVA_FEATURE% GEQ (\\d+) set \"TRACEX_JDK_OPTS=([^\"]+)\"\n"))
                .containsExactly("24", UNSAFE_ALLOW);
        assertThat(only(sh, "if \\[ \"\\$feature\" -lt (\\d+) \\]; then"))
                .isEqualTo(only(cmd, "if %TRACEX_JAVA_FEATURE% LSS (\\d+) goto tooOld"))
                .containsExactly("17");
        assertThat(sh).contains("java=$JAVA_HOME/bin/java", "java=$(command -v java || true)",
                "version=$(sed -n 's/^JAVA_VERSION=\"\\(.*\\)\"$/\\1/p' \"$release\")",
                "exec \"$java\" $jdk_options ${JAVA_OPTS:-} ${TRACEX_OPTS:-} -jar \"$TRACEX_HOME/lib/tracex.jar\" \"$@\"");
        assertThat(cmd).contains("set \"TRACEX_JAVA=%JAVA_HOME%\\bin\\java.exe\"", "set \"TRACEX_JAVA=java.exe\"",
                "in (\"%JAVA_HOME%\\release\") do if \"%%a\"==\"JAVA_VERSION\" set \"TRACEX_JAVA_VERSION=%%~b\"",
                "('call \"%TRACEX_JAVA%\" -version 2^>^&1') do if \"%%b\"==\"version\"",
                "\"%TRACEX_JAVA%\" %TRACEX_JDK_OPTS% %JAVA_OPTS% %TRACEX_OPTS% -jar \"%TRACEX_HOME%\\lib\\tracex.jar\" %*",
                "exit /b %ERRORLEVEL%");
        // A parenthesised block would break on a JAVA_HOME such as C:\Program Files (x86)\... (see the script).
        assertThat(cmd.lines().filter(l -> !l.startsWith("rem ") && !l.startsWith("echo ")))
                .noneMatch(l -> l.trim().endsWith("(") || l.trim().equals(")"));
    }

    /** The groups of the only match of {@code regex} in {@code text}. */
    private static List<String> only(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the script", regex).isTrue();
        List<String> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            groups.add(m.group(i));
        }
        assertThat(m.find()).as("%s once in the script", regex).isFalse();
        return groups;
    }

    /**
     * A stand-in JDK home: {@code bin/java} prints its arguments, or {@code versionOutput} on stderr for
     * {@code -version}; {@code release} (a line, or none) in its release file.
     */
    private Path fakeJdk(String name, String release, String versionOutput) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        if (release != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Stand-in\"\n" + release + "\n");
        }
        String version = versionOutput == null ? "" : String.join("\n",
                "if [ \"$1\" = -version ]; then",
                "  printf '%s\\n' '" + versionOutput.replace("\n", "' '") + "' >&2",
                "  exit 0",
                "fi", "");
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n" + version
                + "echo argv:\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private static String argv(List<String> args) {
        return "argv:\n" + String.join("\n", args) + "\n";
    }

    /** Runs the launcher with {@code env} over a PATH of the POSIX tools only (no java). */
    private Launch launch(Map<String, String> env, String... args) throws Exception {
        Map<String, String> withPath = new HashMap<>(env);
        withPath.putIfAbsent("PATH", tools());
        return run(launcher, withPath, args);
    }

    /** Runs {@code script} in {@code dir} with exactly {@code env} (no JAVA_HOME, JAVA_OPTS... unless given). */
    private Launch run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(script.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the launcher finished").isTrue();
        return new Launch(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * A directory holding copies of the tools the launcher uses, and no java: the PATH of these tests (copies, not
     * links: JUnit warns when it deletes a link to outside its temporary directory).
     */
    private String tools() throws IOException {
        Path tools = dir.resolve("tools");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("dirname", "readlink", "sed", "head")) {
                Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                        .orElseThrow(() -> new IllegalStateException(tool + " is not in /usr/bin or /bin"));
                Files.copy(found, tools.resolve(tool), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return tools.toString();
    }
}
