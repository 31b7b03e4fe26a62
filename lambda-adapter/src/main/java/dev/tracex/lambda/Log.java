package dev.tracex.lambda;

/**
 * The adapter's log lines, through {@link System.Logger} (so they reach whatever logging the function
 * has: JUL on stderr by default, SLF4J or Log4j with their bridges), never stdout: in Lambda, stdout
 * and stderr both end in CloudWatch, but stdout is also what {@code tracex invoke} prints its result on.
 */
final class Log {
    private static final System.Logger LOG = System.getLogger("dev.tracex.lambda");

    private Log() {
    }

    static void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
    }

    static boolean debugging() {
        return LOG.isLoggable(System.Logger.Level.DEBUG);
    }

    static void debug(String message) {
        LOG.log(System.Logger.Level.DEBUG, message);
    }
}
