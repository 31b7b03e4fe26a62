package dev.tracex.lambda;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's jar as built, which every function carries: only what a function runs (no command line, no
 * playground, no picocli), with a stable module name; and the YAML layer without the command line's libraries.
 */
class AdapterJarIT {
    @Test
    void jar_holdsNoCommandLineClassNorWebAsset_andNamesItsModule() throws IOException {
        Path jar = built("tracex.test.adapterJar");
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = j.stream().map(ZipEntry::getName).collect(Collectors.toList());

            assertThat(names).contains("dev/tracex/lambda/TracingHandler.class",
                    "dev/tracex/lambda/internal/handoff/OpenTelemetryHandOff.class",
                    "META-INF/services/dev.tracex.engine.logging.LogOutput");
            assertThat(names).noneMatch(n -> n.startsWith("dev/tracex/cli/") || n.startsWith("picocli/")
                    || n.endsWith(".html") || n.endsWith(".css") || n.endsWith(".js"));
            assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.tracex.lambda");
        }
    }

    @Test
    void yamlLayer_holdsNoCommandLineLibrary() throws IOException {
        try (ZipFile zip = new ZipFile(built("tracex.test.layerZip").toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).collect(Collectors.toList());

            assertThat(names).anyMatch(n -> n.matches("java/lib/tracex-lambda-adapter-.*\\.jar"));
            assertThat(names).noneMatch(n -> n.contains("picocli") || n.contains("tracex-cli"));
        }
    }

    /** The file a failsafe system property names, built by this module's package phase; fails saying so when absent. */
    static Path built(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property " + property + " (" + path + ") is not a built file: run "
                    + "this test with `mvn verify` (failsafe, after package)");
        }
        return Path.of(path);
    }
}
