package dev.tracex.engine.internal.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this tracex, from a resource the build writes: what a precompiled form is checked against. */
final class TracexVersion {
    static final String VERSION = read();

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
