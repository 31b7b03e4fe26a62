package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code jbang-catalog.json} at the repository's root, which makes {@code jbang tracex@<owner>/<repo>} run the
 * command line: its alias names this build's artifact (the POM's groupId:artifactId:version, the thin jar whose
 * dependencies jbang resolves from Maven Central), a main class that artifact has, and JVM options that every
 * JDK from 17 takes. Then jbang itself ({@value #JBANG}, from Maven Central) runs the alias offline, its
 * repository holding this build's tracex artifacts in front of the build's local repository (read-only), and
 * the command it composes runs a JS rule on JDK 17 and on JDK 25 without a JVM warning.
 */
class JbangCatalogIT {
    static final Path CATALOG = Path.of("../../jbang-catalog.json");
    /** jbang's last release on Maven Central when this was written (mvn dependency:get ...:RELEASE). */
    static final String JBANG = "dev.jbang:jbang-cli:0.132.1";
    /**
     * jbang-cli's POM names gson 2.10.1, with which jbang reads every catalog as having no alias ("No alias found
     * with name 'tracex'"); from 2.11.0 it reads them (tried here). jbang's own distribution is one shaded jar,
     * which Maven Central does not have.
     */
    static final String GSON = "2.13.2";
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";

    private static final String VERSION = System.getProperty("tracex.version");
    /** Where jbang's class path is resolved, once for the class. */
    @TempDir
    static Path shared;
    private static String jbangClasspath;

    @Test
    void catalog_tracexAlias_runsThisBuildsArtifactWithOptionsEveryJdkTakes() throws IOException {
        JsonNode catalog = new ObjectMapper().readTree(CATALOG.toFile());
        JsonNode alias = catalog.get("aliases").get("tracex");

        assertThat(catalog.properties()).extracting(Map.Entry::getKey).containsExactly("aliases");
        assertThat(catalog.get("aliases").properties()).extracting(Map.Entry::getKey).containsExactly("tracex");
        assertThat(alias.get("script-ref").asText())
                .as("the POM's coordinates: change jbang-catalog.json's script-ref with the version")
                .isEqualTo(property("tracex.coordinates"));
        // jbang runs the thin jar on a class path: the class must be in it, and be the one `java -jar` runs.
        String main = alias.get("main").asText();
        try (JarFile thin = new JarFile(property("tracex.cli.jar")); JarFile shaded = new JarFile(property("tracex.jar"))) {
            assertThat(thin.getEntry(main.replace('.', '/') + ".class")).as("%s in %s", main, thin.getName()).isNotNull();
            assertThat(shaded.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(main);
        }
        assertThat(alias.get("java").asText()).isEqualTo("17+");
        // Fixed options, for every JDK jbang picks: no manifest applies on a class path, so native access is
        // enabled by option (taken from JDK 17); the Unsafe setting as the system property, which every JDK takes,
        // where --sun-misc-unsafe-memory-access (what bin/tracex gives JDK 24+) would stop JDK 17 to 22.
        // "java-options", read by every jbang since 0.79 (newer ones also call it "runtime-options").
        assertThat(alias.get("java-options")).extracting(JsonNode::asText)
                .containsExactly("--enable-native-access=ALL-UNNAMED", "-Dsun.misc.unsafe.memory.access=allow");
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void jbang_offline_runsTheAliasJsRuleWithoutJvmWarning(int jdk, @TempDir Path dir) throws Exception {
        Path javaHome = jdk == 17 ? DistributionIT.JDK17 : DistributionIT.JDK25;
        assumeTrue(javaHome != null, "JDK 25 not found (JDK25_HOME, /usr/lib/jvm/temurin-25-jdk-amd64): not run on it");
        Path catalogDir = Files.createDirectories(dir.resolve("catalog"));
        Files.copy(CATALOG, catalogDir.resolve("jbang-catalog.json"));
        Path work = TracexJarIT.jsRule(Files.createDirectories(dir.resolve("work")));
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "PATH", javaHome.resolve("bin") + ":/usr/bin:/bin",
                // jbang's cache and settings, and the repository it resolves into, away from the user's.
                "JBANG_DIR", dir.resolve("jbang-home").toString(),
                "JBANG_REPO", repository(dir.resolve("repository")).toString(),
                // What jbang's launcher script sets: jbang then prints the command for that shell to run.
                "JBANG_RUNTIME_SHELL", "bash");
        List<String> jbang = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                // The build's local repository behind jbang's: the third-party jars, read-only, offline.
                "-Dmaven.repo.local.tail=" + property("tracex.maven.localRepository"),
                "-cp", jbangClasspath(), "dev.jbang.Main", "--offline",
                "tracex@" + catalogDir, "extract", "--extractor", "extractors.sqs_js", "event.json"));

        Run composed = run(work, env, jbang);
        assertThat(composed.exit()).as("jbang: %s", composed.err()).isEqualTo(255); // "run what I printed"
        assertThat(composed.err().lines()).as("jbang's own JVM").noneMatch(l -> l.startsWith("WARNING"));
        assertThat(composed.out()).startsWith(javaHome.resolve("bin/java") + " --enable-native-access=ALL-UNNAMED "
                + "-Dsun.misc.unsafe.memory.access=allow -classpath ");
        // As jbang's launcher script does: eval "exec $output".
        Run extract = run(work, env, List.of("bash", "-c", "exec " + composed.out().strip()));

        assertThat(extract.err()).as("stderr on JDK %d", jdk).isEmpty();
        assertThat(extract.exit()).isZero();
        assertThat(new ObjectMapper().readTree(extract.out()).get("trace_id").asText()).isEqualTo("2684756524522091840");
        assertThat(composed.out()).contains("/tracex-cli-" + VERSION + ".jar", "/js-language-");
    }

    record Run(int exit, String out, String err) {
    }

    /**
     * {@code dir} as a Maven repository holding this build's tracex artifacts: what the build copied
     * (the modules this one depends on), the parent POM, and this module's POM and jar.
     */
    private static Path repository(Path dir) throws IOException {
        Path copied = Path.of(property("tracex.jbang.repository"));
        try (Stream<Path> files = Files.walk(copied)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, Files.createDirectories(dir.resolve(copied.relativize(f)).getParent()).resolve(f.getFileName()));
            }
        }
        String[] gav = property("tracex.coordinates").split(":");
        Path group = dir.resolve(gav[0].replace('.', '/'));
        Path parent = Files.createDirectories(group.resolve("tracex-parent").resolve(gav[2]));
        Files.copy(Path.of("../../pom.xml"), parent.resolve("tracex-parent-" + gav[2] + ".pom"));
        Path cli = Files.createDirectories(group.resolve(gav[1]).resolve(gav[2]));
        Files.copy(Path.of("pom.xml"), cli.resolve(gav[1] + "-" + gav[2] + ".pom"));
        Files.copy(Path.of(property("tracex.cli.jar")), cli.resolve(gav[1] + "-" + gav[2] + ".jar"), StandardCopyOption.COPY_ATTRIBUTES);
        return dir;
    }

    /**
     * The class path of {@value #JBANG} with gson {@value #GSON}: resolved by Maven (the build's, on the build's
     * local repository, where it finds them after the first time) from a POM of one dependency.
     */
    private static synchronized String jbangClasspath() throws Exception {
        if (jbangClasspath == null) {
            Path project = Files.createDirectories(shared.resolve("jbang-classpath"));
            String[] jbang = JBANG.split(":");
            Files.writeString(project.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>dev.tracex.test</groupId>
                      <artifactId>jbang-classpath</artifactId>
                      <version>1</version>
                      <dependencies>
                        <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>
                      </dependencies>
                      <dependencyManagement>
                        <dependencies>
                          <dependency><groupId>com.google.code.gson</groupId><artifactId>gson</artifactId><version>%s</version></dependency>
                        </dependencies>
                      </dependencyManagement>
                    </project>
                    """.formatted(jbang[0], jbang[1], jbang[2], GSON));
            Path classpath = project.resolve("classpath.txt");
            List<String> mvn = new ArrayList<>(List.of(Path.of(property("tracex.maven.home"), "bin", "mvn").toString(), "-B", "-q",
                    "-Dmaven.repo.local=" + property("tracex.maven.localRepository"),
                    DEPENDENCY_PLUGIN + ":build-classpath", "-Dmdep.outputFile=" + classpath));
            Run run = run(project, Map.of(), mvn);
            assertThat(run.exit()).as("resolving %s: %s%s", JBANG, run.out(), run.err()).isZero();
            jbangClasspath = Files.readString(classpath).strip();
        }
        return jbangClasspath;
    }

    /** Runs {@code cmd} in {@code dir}, its environment less JVM options and DD_/AWS_/LAMBDA_ variables, plus {@code env}. */
    private static Run run(Path dir, Map<String, String> env, List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("AWS_") || k.startsWith("LAMBDA_")
                || List.of("JAVA_OPTS", "TRACEX_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "JBANG_JAVA_OPTIONS").contains(k));
        pb.environment().putAll(env);
        Path out = Files.createTempFile("tracex-stdout", ".txt");
        Path err = Files.createTempFile("tracex-stderr", ".txt");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", cmd) + " did not finish in 300 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run the *IT tests with failsafe, after package");
        }
        return value;
    }
}
