package dev.tracex.lambda.internal.invocation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The classes the OpenTelemetry Java agent is told not to instrument ({@code otel.javaagent.exclude-classes}, else
 * {@code OTEL_JAVAAGENT_EXCLUDE_CLASSES}: the system property wins, as in the agent's configuration), read as the
 * agent reads them (2.31: {@code UserExcludedClassesConfigurer}): comma-separated, each entry trimmed, a trailing
 * {@code *} dropped, and every entry a prefix of the names it excludes. The agent starts its Lambda SERVER span in
 * advice on {@code handleRequest} of every handler-interface implementer it instruments, with no guard against a
 * nested call; so tracex calls a handler class through its own adapter (inside that span, where it can annotate
 * it) only when the agent leaves the handler's own {@code handleRequest} alone, and otherwise calls the class
 * directly, leaving the one span where the agent puts it. Immutable.
 */
final class AgentExcludedClasses {
    static final String EXCLUDE_CLASSES_PROPERTY = "otel.javaagent.exclude-classes";
    static final String EXCLUDE_CLASSES_VARIABLE = "OTEL_JAVAAGENT_EXCLUDE_CLASSES";

    /** As this process's agent reads them. */
    static final AgentExcludedClasses PROCESS =
            parse(setting(System.getProperty(EXCLUDE_CLASSES_PROPERTY), System.getenv(EXCLUDE_CLASSES_VARIABLE)));

    private final List<String> prefixes;

    private AgentExcludedClasses(List<String> prefixes) {
        this.prefixes = prefixes;
    }

    /** The setting the agent reads: the system property when set, else the environment variable ({@code null}: neither). */
    static String setting(String property, String variable) {
        return property != null ? property : variable;
    }

    /** The exclusions {@code value} names ({@code null}: none). */
    static AgentExcludedClasses parse(String value) {
        if (value == null) {
            return new AgentExcludedClasses(List.of());
        }
        return new AgentExcludedClasses(Arrays.stream(value.split(","))
                .map(String::trim)
                .map(s -> s.endsWith("*") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .toList());
    }

    /** Whether the agent leaves the class named {@code name} uninstrumented. */
    boolean excludes(String name) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the agent instruments none of the {@code handleRequest} methods a call on {@code handlerClass} can run:
     * every class from it up its superclasses that declares a method of that name is excluded (a base class
     * implementing the interface is instrumented on its own, whatever the subclass's exclusion says).
     */
    boolean excludesHandler(Class<?> handlerClass) {
        List<Class<?>> declaring = declaringHandleRequest(handlerClass);
        for (Class<?> c : declaring) { // loops, not streams, here and below: this runs at every cold start
            if (!excludes(c.getName())) {
                return false;
            }
        }
        return !declaring.isEmpty();
    }

    /**
     * What to tell a user whose handler class the agent instruments itself ({@code null} when it does not): its span
     * then starts before tracex's code and carries no {@code tracex.*} attributes, and the exclusion that would let
     * tracex's adapter run inside it names the classes below.
     */
    String instrumentedHint(Class<?> handlerClass) {
        List<String> instrumented = declaringHandleRequest(handlerClass).stream().map(Class::getName)
                .filter(name -> !excludes(name)).toList();
        if (instrumented.isEmpty()) {
            return null;
        }
        return "tracex: the OpenTelemetry agent instruments " + handlerClass.getName() + " itself, so its SERVER span "
                + "starts before tracex's code and carries no tracex.* attributes; " + EXCLUDE_CLASSES_VARIABLE + "="
                + String.join(",", instrumented) + " (the agent then leaves that class's methods alone) lets tracex "
                + "run inside the span and annotate it";
    }

    /** {@code handlerClass} and its superclasses that declare a method named {@code handleRequest}, nearest first. */
    private static List<Class<?>> declaringHandleRequest(Class<?> handlerClass) {
        List<Class<?>> declaring = new ArrayList<>();
        for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("handleRequest")) {
                    declaring.add(c);
                    break;
                }
            }
        }
        return declaring;
    }

    @Override
    public String toString() {
        return "AgentExcludedClasses" + prefixes;
    }
}
