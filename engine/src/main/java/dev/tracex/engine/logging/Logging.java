package dev.tracex.engine.logging;

import java.util.Map;

/**
 * Where tracex's lines go and from which level, decided once at class initialisation from the
 * environment, with no configuration file:
 * <ul>
 *   <li>level: {@code DD_LOG_LEVEL} when set, else {@code AWS_LAMBDA_LOG_LEVEL}, else {@code INFO}
 *       (with an SLF4J provider and neither set: the provider's configuration alone decides);</li>
 *   <li>output: SLF4J when the function has a provider (its configuration for the {@code dev.tracex}
 *       loggers also applies); else a {@link LogOutput} service that applies here (the Lambda runtime's
 *       log stream, from the adapter; looked up at the first line checked or written); else standard error.</li>
 * </ul>
 * The command line and tests replace the setup with {@link #swap}. Thread-safe.
 */
public final class Logging {
    /** What is written: lines at {@code threshold} or above that {@code output} accepts. */
    public record Setup(LogLevel threshold, LogOutput output) {
    }

    private static volatile Setup setup = initial();

    private Logging() {
    }

    /**
     * Decides the setup now, if not yet done: called by the engine's entry points before anything
     * else (Jayway JsonPath's first use starts SLF4J, whose notice the setup silences when no provider is present).
     */
    public static void init() {
        // The work is in the static initialiser.
    }

    /** The setup in use. */
    public static Setup current() {
        return setup;
    }

    /** Replaces the setup (the command line's {@code --verbose}, a test's capture) and returns the one it replaced. */
    public static Setup swap(Setup next) {
        Setup previous = setup;
        setup = java.util.Objects.requireNonNull(next, "next");
        return previous;
    }

    private static Setup initial() {
        Map<String, String> env = System.getenv();
        Setup s = fromEnvironment(env, Logging.class.getClassLoader());
        String problem = levelProblem(env);
        if (problem != null && s.threshold().compareTo(LogLevel.WARN) <= 0 && s.output().enabled(LogLevel.WARN, "dev.tracex")) {
            s.output().write(LogLevel.WARN, "dev.tracex", problem);
        }
        return s;
    }

    /** The setup for {@code env}, with the providers and services visible to {@code loader}. */
    static Setup fromEnvironment(Map<String, String> env, ClassLoader loader) {
        LogLevel chosen = LogLevel.parse(env.get("DD_LOG_LEVEL"));
        if (chosen == null) {
            chosen = LogLevel.parse(env.get("AWS_LAMBDA_LOG_LEVEL"));
        }
        if (Slf4jProviders.present(loader)) {
            return new Setup(chosen == null ? LogLevel.DEBUG : chosen, new Slf4jOutput());
        }
        Slf4jProviders.quietWithoutProvider();
        return new Setup(chosen == null ? LogLevel.INFO : chosen, new ServiceOutput(loader));
    }

    /** A warning for a level variable that is set but not a level, or {@code null}. */
    static String levelProblem(Map<String, String> env) {
        StringBuilder b = new StringBuilder();
        for (String name : new String[] {"DD_LOG_LEVEL", "AWS_LAMBDA_LOG_LEVEL"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank() && LogLevel.parse(value) == null) {
                b.append(b.length() == 0 ? "" : ", ").append(name).append('=').append(value);
            }
        }
        return b.length() == 0 ? null : b + ": not a log level (debug, info, warn, error, off), ignored";
    }
}
