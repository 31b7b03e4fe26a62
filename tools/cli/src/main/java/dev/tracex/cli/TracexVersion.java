package dev.tracex.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** {@code tracex --version}: the version of the artifact it runs from, written into a resource by the build. */
final class TracexVersion implements CommandLine.IVersionProvider {
    static final String RESOURCE = "tracex-version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"tracex " + version()};
    }

    static String version() {
        try (InputStream in = TracexVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: a broken build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
