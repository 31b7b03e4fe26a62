package dev.tracex.lambda;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each layer zip as built carries the licenses of what it bundles, beside {@code java/lib} in
 * {@code java/licenses/<layer>/}: tracex's LICENSE and NOTICE, THIRD-PARTY.txt naming exactly the third-party jars
 * in {@code java/lib} (no more, no fewer: its list is made by the license plugin's filters, the zip by the assembly's,
 * and the two must agree), and one text per license named there.
 */
class LayerLicensesIT {
    /** A THIRD-PARTY.txt line: {@code (License) [(License)...] Name (group:artifact:version - url)}. */
    private static final Pattern COMPONENT = Pattern.compile("^\\s+((?:\\([^)]+\\)\\s*)+)(.+) \\(([^:\\s]+):([^:\\s]+):(\\S+) - .*\\)$");
    private static final Pattern LICENSE = Pattern.compile("\\(([^)]+)\\)");

    @ParameterizedTest
    @ValueSource(strings = {"tracex.test.layerZip", "tracex.test.layerJsZip"})
    void layer_carriesTheLicensesOfEveryThirdPartyJarInIt(String property) throws IOException {
        Path zip = AdapterJarIT.built(property);
        String dir = "java/licenses/" + zip.getFileName().toString().replace(".zip", "") + "/";
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(read(z, dir + "LICENSE")).isEqualTo(Files.readString(Path.of("../LICENSE")));
            assertThat(read(z, dir + "NOTICE")).isEqualTo(Files.readString(Path.of("../NOTICE")));

            Set<String> listed = new TreeSet<>();
            Set<String> licenses = new TreeSet<>();
            for (String line : read(z, dir + "THIRD-PARTY.txt").split("\n")) {
                Matcher m = COMPONENT.matcher(line);
                if (m.matches()) {
                    listed.add(m.group(4) + "-" + m.group(5) + ".jar");
                    Matcher l = LICENSE.matcher(m.group(1));
                    while (l.find()) {
                        licenses.add(l.group(1));
                    }
                }
            }
            List<String> names = z.stream().map(ZipEntry::getName).collect(Collectors.toList());
            Set<String> bundled = names.stream().filter(n -> n.startsWith("java/lib/") && n.endsWith(".jar"))
                    .map(n -> n.substring("java/lib/".length())).filter(n -> !n.startsWith("tracex-"))
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(bundled).isNotEmpty();
            assertThat(listed).isEqualTo(bundled);
            assertThat(licenses).isNotEmpty().allSatisfy(id -> assertThat(read(z, dir + "licenses/" + id + ".txt")).isNotBlank());
        }
    }

    private static String read(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        assertThat(e).as(name).isNotNull();
        return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }
}
