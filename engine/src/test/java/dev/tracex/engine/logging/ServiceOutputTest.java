package dev.tracex.engine.logging;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceOutputTest {
    private static final String SERVICES = "META-INF/services/" + LogOutput.class.getName();

    /** The service a {@link #loader} names: records what it is given. */
    public static final class RecordingOutput implements LogOutput {
        static final List<String> LINES = Collections.synchronizedList(new ArrayList<>());

        @Override
        public boolean enabled(LogLevel level, String logger) {
            return level != LogLevel.DEBUG;
        }

        @Override
        public void write(LogLevel level, String logger, String message) {
            LINES.add(level + " " + logger + ": " + message);
        }

        @Override
        public String toString() {
            return "recording";
        }
    }

    /** A service that does not apply here, named before the one that does. */
    public static final class ElsewhereOutput extends NotWritten {
        @Override
        public boolean appliesHere() {
            return false;
        }
    }

    /** Fails a test that writes to it. */
    public static class NotWritten implements LogOutput {
        @Override
        public boolean enabled(LogLevel level, String logger) {
            throw new AssertionError("not this output");
        }

        @Override
        public void write(LogLevel level, String logger, String message) {
            throw new AssertionError("not this output");
        }
    }

    @Test
    void lookUp_waitsForTheFirstLineAndHappensOnce() {
        AtomicInteger lookUps = new AtomicInteger();
        ServiceOutput output = new ServiceOutput(loader(lookUps, ElsewhereOutput.class.getName() + "\n"
                + RecordingOutput.class.getName() + "\n"));
        Logging.Setup setup = new Logging.Setup(LogLevel.INFO, output);
        assertThat(lookUps).hasValue(0); // set up, nothing read yet: a cold start that logs nothing never looks

        assertThat(output.enabled(LogLevel.WARN, "dev.tracex")).isTrue();
        output.write(LogLevel.WARN, "dev.tracex", "one");
        output.write(LogLevel.INFO, "dev.tracex", "two");

        assertThat(lookUps).hasValue(1);
        assertThat(output.enabled(LogLevel.DEBUG, "dev.tracex")).isFalse(); // the service's own answer
        assertThat(RecordingOutput.LINES).containsSubsequence("WARN dev.tracex: one", "INFO dev.tracex: two");
        assertThat(setup.output()).hasToString("recording");
    }

    @Test
    void fromEnvironment_withoutSlf4j_looksUpNoServiceUntilALineIsChecked() {
        AtomicInteger lookUps = new AtomicInteger();
        Logging.Setup setup = Logging.fromEnvironment(java.util.Map.of(), loader(lookUps, RecordingOutput.class.getName()));
        TracexLogger log = TracexLogger.named("dev.tracex.test");
        Logging.Setup before = Logging.swap(setup);
        try {
            assertThat(log.debugging()).isFalse(); // below the threshold (info): the output is not asked
            assertThat(lookUps).hasValue(0);
            log.warn("three");
            assertThat(lookUps).hasValue(1);
        } finally {
            Logging.swap(before);
        }
        assertThat(RecordingOutput.LINES).contains("WARN dev.tracex.test: three");
    }

    @Test
    void lookUp_noServiceApplies_isStandardError() {
        AtomicInteger lookUps = new AtomicInteger();
        ServiceOutput output = new ServiceOutput(loader(lookUps, ElsewhereOutput.class.getName() + "\n"));

        assertThat(output).hasToString("standard error");
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void lookUp_brokenServiceFile_isStandardError() {
        ServiceOutput output = new ServiceOutput(loader(new AtomicInteger(), "dev.tracex.NoSuchOutput\n"));

        assertThat(output).hasToString("standard error");
    }

    /** A loader over this test's classes whose only services file of {@link LogOutput} is {@code services}, counting reads of it. */
    private static ClassLoader loader(AtomicInteger lookUps, String services) {
        return new ClassLoader(ServiceOutputTest.class.getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.startsWith("org/slf4j/") ? null : super.getResource(name); // a function without SLF4J
            }

            @Override
            public Enumeration<URL> getResources(String name) throws java.io.IOException {
                if (!name.equals(SERVICES)) {
                    return super.getResources(name);
                }
                lookUps.incrementAndGet();
                return Collections.enumeration(List.of(MemoryUrl.of(name, services)));
            }
        };
    }
}
