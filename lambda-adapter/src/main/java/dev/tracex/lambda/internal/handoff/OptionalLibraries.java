package dev.tracex.lambda.internal.handoff;

import dev.tracex.engine.logging.Slf4jProviders;
import dev.tracex.lambda.internal.snapstart.SnapStartPriming;

/**
 * Which optional libraries the function has. The adapter touches a library's classes only from a small
 * class of its own ({@link OpenTelemetryHandOff}, {@link MdcHandOff}, {@link SnapStartPriming}) and only
 * after checking here, so a function without them never loads those classes and never fails on them.
 */
public final class OptionalLibraries {
    public static final boolean OPENTELEMETRY = present("io.opentelemetry.context.Context")
            && present("io.opentelemetry.api.trace.Span");
    /**
     * SLF4J with a logging provider (Logback, Log4j 2's binding, ...): without one its MDC is a no-op nobody
     * reads, and the first {@code MDC.put} would start SLF4J (a service lookup, some 5 ms in a cold start's
     * first invocation) for nothing.
     */
    public static final boolean SLF4J = present("org.slf4j.MDC")
            && Slf4jProviders.present(OptionalLibraries.class.getClassLoader());
    public static final boolean CRAC = present("org.crac.Core");

    /** The class every OpenTelemetry Java agent declares as its {@code Premain-Class}. */
    public static final String OPENTELEMETRY_AGENT_MAIN = "io.opentelemetry.javaagent.OpenTelemetryAgent";

    private OptionalLibraries() {
    }

    /** Whether the OpenTelemetry Java agent is attached (its jar is on the system class path). */
    public static boolean openTelemetryAgent() {
        try {
            Class.forName(OPENTELEMETRY_AGENT_MAIN, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
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
