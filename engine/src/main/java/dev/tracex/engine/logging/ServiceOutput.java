package dev.tracex.engine.logging;

import java.util.ServiceLoader;

/**
 * The {@link LogOutput} service that applies here (the Lambda adapter's runtime log stream), else standard error,
 * looked up when a line is first checked or written rather than when logging is set up: the lookup reads every
 * jar's {@code META-INF/services} (some 4 ms and a dozen classes at a cold start), which a function that logs nothing
 * at the threshold it runs with never needs. Thread-safe: looked up once.
 */
final class ServiceOutput implements LogOutput {
    private final ClassLoader loader;
    private volatile LogOutput found;

    ServiceOutput(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public boolean enabled(LogLevel level, String logger) {
        return found().enabled(level, logger);
    }

    @Override
    public void write(LogLevel level, String logger, String message) {
        found().write(level, logger, message);
    }

    /** The output it writes to, named. */
    @Override
    public String toString() {
        return found().toString();
    }

    private LogOutput found() {
        LogOutput f = found;
        if (f == null) {
            synchronized (this) {
                f = found;
                if (f == null) {
                    f = lookUp(loader);
                    found = f;
                }
            }
        }
        return f;
    }

    private static LogOutput lookUp(ClassLoader loader) {
        try {
            for (LogOutput o : ServiceLoader.load(LogOutput.class, loader)) {
                if (o.appliesHere()) {
                    return o;
                }
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            // A broken or half-present output (e.g. the adapter without aws-lambda-java-core): standard error will do.
        }
        return StreamOutput.toStandardError();
    }
}
