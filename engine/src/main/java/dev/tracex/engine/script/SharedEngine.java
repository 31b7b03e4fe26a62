package dev.tracex.engine.script;

import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;

import java.io.OutputStream;

/**
 * The one polyglot {@link Engine} of the process, created on first use. Sharing it lets every context
 * reuse the parsed code of a snippet (sources are cached per engine) and keeps the cost of starting
 * GraalJS to once per process.
 */
final class SharedEngine {
    private SharedEngine() {
    }

    static Engine get() {
        return Holder.ENGINE;
    }

    /** Class initialisation is lazy and thread-safe: the engine starts when the first JS rule compiles. */
    private static final class Holder {
        static final Engine ENGINE = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                // On a stock JDK there is no Graal compiler: interpreter mode is expected, not worth a warning.
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }
}
