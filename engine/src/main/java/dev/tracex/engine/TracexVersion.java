package dev.tracex.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this tracex, from a resource the build writes from the POM: what {@code tracex --version} prints
 * and what a precompiled rules file is checked against.
 */
public final class TracexVersion {
    /** This tracex's version, e.g. {@code 0.1.0}. */
    public static final String VERSION = read();

    private TracexVersion() {
    }

    private static String read() {
        try (InputStream in = TracexVersion.class.getResourceAsStream("tracex-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("tracex-version.properties is missing from the engine: a broken build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
