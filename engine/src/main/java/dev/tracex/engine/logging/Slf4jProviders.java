package dev.tracex.engine.logging;

/**
 * Whether the function has an SLF4J provider, found the way SLF4J finds one but without starting SLF4J
 * (starting it with no provider prints its "No SLF4J providers were found" notice).
 */
public final class Slf4jProviders {
    private static final String VERBOSITY = "slf4j.internal.verbosity";

    private Slf4jProviders() {
    }

    /**
     * An SLF4J 2 provider registered as a service (what {@code LoggerFactory} loads), one named by the
     * {@code slf4j.provider} property, or, under an SLF4J 1.7 API, a 1.x binding.
     */
    public static boolean present(ClassLoader loader) {
        if (loader.getResource("org/slf4j/LoggerFactory.class") == null) {
            return false;
        }
        if (System.getProperty("slf4j.provider") != null) {
            return true;
        }
        if (loader.getResource("org/slf4j/spi/SLF4JServiceProvider.class") != null) {
            return loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null;
        }
        return loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null;
    }

    /**
     * With no provider, SLF4J (brought by Jayway JsonPath, which logs through it) would print its
     * three-line notice at every cold start; at {@code ERROR} verbosity it prints only errors. Left alone
     * when the function sets the property itself. Must run before anything first calls {@code LoggerFactory}.
     */
    static void quietWithoutProvider() {
        if (System.getProperty(VERBOSITY) == null) {
            System.setProperty(VERBOSITY, "ERROR");
        }
    }
}
