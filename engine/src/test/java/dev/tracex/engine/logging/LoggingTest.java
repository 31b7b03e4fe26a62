package dev.tracex.engine.logging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class LoggingTest {
    private static final Set<String> SLF4J_2_API = Set.of("org/slf4j/LoggerFactory.class", "org/slf4j/spi/SLF4JServiceProvider.class");
    private static final String PROVIDER_SERVICE = "META-INF/services/org.slf4j.spi.SLF4JServiceProvider";

    static Stream<Arguments> levels() {
        return Stream.of(
                argumentSet("neither set: info", null, null, LogLevel.INFO),
                argumentSet("DD_LOG_LEVEL=debug", "debug", null, LogLevel.DEBUG),
                argumentSet("DD_LOG_LEVEL in any case", "DeBuG", null, LogLevel.DEBUG),
                argumentSet("DD_LOG_LEVEL=trace is debug", "trace", null, LogLevel.DEBUG),
                argumentSet("DD_LOG_LEVEL=off", "OFF", null, LogLevel.OFF),
                argumentSet("DD_LOG_LEVEL wins over AWS_LAMBDA_LOG_LEVEL", "error", "DEBUG", LogLevel.ERROR),
                argumentSet("AWS_LAMBDA_LOG_LEVEL=TRACE is debug", null, "TRACE", LogLevel.DEBUG),
                argumentSet("AWS_LAMBDA_LOG_LEVEL=WARN", null, "WARN", LogLevel.WARN),
                argumentSet("AWS_LAMBDA_LOG_LEVEL=FATAL is error", null, "FATAL", LogLevel.ERROR),
                argumentSet("DD_LOG_LEVEL not a level: AWS_LAMBDA_LOG_LEVEL", "verbose", "WARN", LogLevel.WARN),
                argumentSet("both not levels: info", "loud", "chatty", LogLevel.INFO));
    }

    @ParameterizedTest
    @MethodSource("levels")
    void fromEnvironment_levelVariables_decideTheThreshold(String dd, String lambda, LogLevel expected) {
        Logging.Setup s = Logging.fromEnvironment(env(dd, lambda), loader(Set.of()));

        assertThat(s.threshold()).isEqualTo(expected);
        assertThat(s.output()).hasToString("standard error");
    }

    @Test
    void levelProblem_valuesThatAreNotLevels_areNamedInOneWarning() {
        assertThat(Logging.levelProblem(env("loud", "chatty")))
                .isEqualTo("DD_LOG_LEVEL=loud, AWS_LAMBDA_LOG_LEVEL=chatty: not a log level (debug, info, warn, error, off), ignored");
        assertThat(Logging.levelProblem(env("warn", "INFO"))).isNull();
        assertThat(Logging.levelProblem(env(null, null))).isNull();
    }

    @Test
    void fromEnvironment_slf4jProviderAndNoLevel_leavesTheLevelToTheProvider() {
        Logging.Setup s = Logging.fromEnvironment(env(null, null), loader(Set.of("org/slf4j/LoggerFactory.class",
                "org/slf4j/spi/SLF4JServiceProvider.class", PROVIDER_SERVICE)));

        assertThat(s.threshold()).isEqualTo(LogLevel.DEBUG);
        assertThat(s.output()).hasToString("SLF4J");
    }

    @Test
    void fromEnvironment_slf4jProviderAndDdLogLevel_isBoth() {
        Logging.Setup s = Logging.fromEnvironment(env("warn", null), loader(Set.of("org/slf4j/LoggerFactory.class",
                "org/slf4j/spi/SLF4JServiceProvider.class", PROVIDER_SERVICE)));

        assertThat(s.threshold()).isEqualTo(LogLevel.WARN);
        assertThat(s.output()).hasToString("SLF4J");
    }

    static Stream<Arguments> providers() {
        return Stream.of(
                argumentSet("no slf4j-api at all", Set.of(), false),
                argumentSet("slf4j-api 2 alone (Jayway's)", SLF4J_2_API, false),
                argumentSet("slf4j-api 2 and a provider", union(SLF4J_2_API, PROVIDER_SERVICE), true),
                argumentSet("slf4j-api 2 and only a 1.x binding (SLF4J 2 ignores it)",
                        union(SLF4J_2_API, "org/slf4j/impl/StaticLoggerBinder.class"), false),
                argumentSet("slf4j-api 1.7 and a 1.x binding", Set.of("org/slf4j/LoggerFactory.class",
                        "org/slf4j/impl/StaticLoggerBinder.class"), true));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void present_classPath_findsProvidersAsSlf4jDoes(Set<String> resources, boolean expected) {
        assertThat(Slf4jProviders.present(loader(resources))).isEqualTo(expected);
    }

    @Test
    void tracexLogger_belowTheThresholdOrOff_writesNothing() {
        StringWriter text = new StringWriter();
        TracexLogger log = TracexLogger.named("dev.tracex.engine");
        Logging.Setup previous = Logging.swap(new Logging.Setup(LogLevel.WARN, StreamOutput.to(new PrintWriter(text))));
        try {
            log.debug("not written");
            log.warn("rule \"sqs\": written");
            assertThat(log.debugging()).isFalse();
            Logging.swap(new Logging.Setup(LogLevel.OFF, StreamOutput.to(new PrintWriter(text))));
            log.error("not written either");
            assertThat(log.enabled(LogLevel.ERROR)).isFalse();
        } finally {
            Logging.swap(previous);
        }
        assertThat(text.toString()).isEqualTo("[WARN] dev.tracex.engine: rule \"sqs\": written" + System.lineSeparator());
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.add(b);
        return s;
    }

    private static Map<String, String> env(String dd, String lambda) {
        Map<String, String> env = new HashMap<>();
        if (dd != null) {
            env.put("DD_LOG_LEVEL", dd);
        }
        if (lambda != null) {
            env.put("AWS_LAMBDA_LOG_LEVEL", lambda);
        }
        return env;
    }

    /** A class loader that sees exactly {@code resources} (and no services), as a function's class path would. */
    private static ClassLoader loader(Set<String> resources) {
        return new ClassLoader(null) {
            @Override
            protected URL findResource(String name) {
                if (!resources.contains(name)) {
                    return null;
                }
                return MemoryUrl.of(name, "");
            }
        };
    }
}
