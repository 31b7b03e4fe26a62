package dev.tracex.lambda;

/**
 * Which optional libraries the function has. The adapter touches a library's classes only from a small
 * class of its own ({@link OpenTelemetryHandOff}, {@link MdcHandOff}, {@link SnapStartPriming}) and only
 * after checking here, so a function without them never loads those classes and never fails on them.
 */
final class OptionalLibraries {
    static final boolean OPENTELEMETRY = present("io.opentelemetry.context.Context")
            && present("io.opentelemetry.api.trace.Span");
    static final boolean SLF4J = present("org.slf4j.MDC");
    static final boolean CRAC = present("org.crac.Core");

    private OptionalLibraries() {
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
