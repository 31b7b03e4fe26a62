package dev.tracex.benchmarks.coldstart;

import java.lang.reflect.Method;

/**
 * What Lambda does before taking a SnapStart snapshot: calls {@code beforeCheckpoint} on the Runtime
 * Interface Client's global CRaC context, which runs every registered resource, the adapter's priming
 * included ({@code org.crac} reaches that context with
 * {@code -Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac}). The client's context first clears
 * the JVM's DNS cache through its native library, which the client loads when it starts; so does this.
 * Reflective, so the harness compiles without the client.
 */
final class SimulatedSnapStart {
    private SimulatedSnapStart() {
    }

    static void beforeCheckpoint() throws ReflectiveOperationException {
        Class.forName("com.amazonaws.services.lambda.runtime.api.client.runtimeapi.JniHelper").getMethod("load").invoke(null);
        Class<?> core = Class.forName("com.amazonaws.services.lambda.crac.Core");
        Class<?> context = Class.forName("com.amazonaws.services.lambda.crac.Context");
        Object global = core.getMethod("getGlobalContext").invoke(null);
        Method before = context.getMethod("beforeCheckpoint", context);
        before.invoke(global, (Object) null);
    }
}
