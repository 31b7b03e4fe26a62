package dev.tracex.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The licenses in the built {@code tracex.jar}, which bundles some thirty third-party jars: tracex's own LICENSE,
 * a NOTICE that keeps tracex's and the bundled components' notices, and META-INF/THIRD-PARTY.txt naming every bundled
 * jar with its license, each license's text in META-INF/licenses/.
 */
class TracexJarLicensesIT {
    /** A THIRD-PARTY.txt line: {@code (License) [(License)...] Name (group:artifact:version - url)}. */
    private static final Pattern COMPONENT = Pattern.compile("^\\s+((?:\\([^)]+\\)\\s*)+)(.+) \\(([^:\\s]+):([^:\\s]+):(\\S+) - .*\\)$");
    private static final Pattern LICENSE = Pattern.compile("\\(([^)]+)\\)");

    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(TracexJar.built().toFile());
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void licenseAndNotice_areTracexsWithTheBundledComponentsNotices() throws IOException {
        assertThat(read("META-INF/LICENSE")).isEqualTo(Files.readString(Path.of("../../LICENSE")));
        assertThat(read("META-INF/NOTICE")).contains(Files.readString(Path.of("../../NOTICE")).strip())
                .contains("# Jackson JSON processor", "Joda.org");
    }

    @Test
    void thirdParty_listsEveryBundledJar_withALicenseTextEach() throws IOException {
        Set<String> listed = new TreeSet<>();
        Set<String> licenses = new TreeSet<>();
        for (String line : read("META-INF/THIRD-PARTY.txt").split("\n")) {
            Matcher m = COMPONENT.matcher(line);
            if (m.matches()) {
                listed.add(m.group(4) + "-" + m.group(5) + ".jar");
                Matcher l = LICENSE.matcher(m.group(1));
                while (l.find()) {
                    licenses.add(l.group(1));
                }
            }
        }
        // A jar of this test's class path is bundled when one of its classes is in tracex.jar (test libraries are not).
        Set<String> bundled = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("tracex-"))
                .filter(TracexJarLicensesIT::bundled).map(p -> p.getFileName().toString())
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(bundled).contains("picocli-4.7.7.jar", "js-language-25.0.2.jar", "slf4j-api-2.0.17.jar");
        assertThat(listed).containsAll(bundled);
        assertThat(licenses).contains("Apache-2.0", "MIT", "UPL-1.0")
                .allSatisfy(id -> assertThat(read("META-INF/licenses/" + id + ".txt")).isNotBlank());
    }

    private static boolean bundled(Path dependency) {
        try (JarFile j = new JarFile(dependency.toFile())) {
            Optional<String> someClass = j.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")).findFirst();
            return someClass.isPresent() && jar.getEntry(someClass.get()) != null;
        } catch (IOException e) {
            throw new IllegalStateException(dependency.toString(), e);
        }
    }

    private static String read(String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        assertThat(e).as(name).isNotNull();
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }
}
