package dev.tracex.lambda;

/**
 * The JVM settings docs/snapstart-and-runtimes.md documents for functions with JS rules on Lambda's Java runtimes, in one place
 * for the tests that start the runtime client.
 *
 * <p>From JDK 24 the JVM prints a warning on the first {@code System.load} by a class-path library without
 * native access (JEP 472: Truffle's {@code JDKSupport}, the runtime client's own {@code JniHelper}) and on
 * the first {@code sun.misc.Unsafe} memory access (JEP 498: Truffle's {@code TStringUnsafe}). JDK 17 and 21
 * print neither.
 */
final class LambdaJavaOptions {
    /**
     * {@code JAVA_TOOL_OPTIONS} for java25 that every runtime accepts: {@code --enable-native-access} exists
     * since JDK 17, and the system property is what {@code --sun-misc-unsafe-memory-access=allow} sets (read
     * once at start-up by {@code sun.misc.Unsafe}); JDK 17 and 21 ignore the property, where they refuse the
     * launcher option and do not start.
     */
    static final String QUIET_ON_EVERY_RUNTIME = "--enable-native-access=ALL-UNNAMED -Dsun.misc.unsafe.memory.access=allow";

    /** The same with JDK 25's own option: java25 only (JDK 17 stops with "Unrecognized option"). */
    static final String QUIET_ON_JAVA25_ONLY = "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow";

    private LambdaJavaOptions() {
    }

    /** The feature release of the JDK running the tests (and the child JVMs they start). */
    static int jdk() {
        return Runtime.version().feature();
    }

    /** Whether this JDK warns about native access and {@code sun.misc.Unsafe} memory access (24 and later). */
    static boolean jdkWarnsAboutGraalJs() {
        return jdk() >= 24;
    }

    /** Whether this JDK knows {@code --sun-misc-unsafe-memory-access} (23 and later). */
    static boolean jdkKnowsUnsafeMemoryAccessOption() {
        return jdk() >= 23;
    }
}
