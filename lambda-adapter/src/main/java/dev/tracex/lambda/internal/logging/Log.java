package dev.tracex.lambda.internal.logging;

import dev.tracex.engine.logging.TracexLogger;

/**
 * The adapter's log lines ({@code dev.tracex.lambda}): one line per event, through the function's SLF4J
 * provider when it has one, else on the Lambda runtime's log stream ({@link RuntimeLogOutput}), never
 * stdout (which is also what {@code tracex invoke} prints its result on). Levels: {@code DD_LOG_LEVEL},
 * {@code AWS_LAMBDA_LOG_LEVEL} (see {@link dev.tracex.engine.logging.Logging}).
 */
public final class Log {
    private static final TracexLogger LOG = TracexLogger.named("dev.tracex.lambda");

    private Log() {
    }

    public static void warn(String message) {
        LOG.warn(message);
    }

    public static boolean debugging() {
        return LOG.debugging();
    }

    public static void debug(String message) {
        LOG.debug(message);
    }
}
