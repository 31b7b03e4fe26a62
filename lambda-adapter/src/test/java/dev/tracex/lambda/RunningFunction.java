package dev.tracex.lambda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A function started by {@link LambdaFunctionJvm}: the child process, the Runtime API it polls, and what it printed.
 * Closing stops it.
 */
public final class RunningFunction implements AutoCloseable {
    private final Process process;
    private final RuntimeApiServer api;
    private final Path stdout;
    private final Path stderr;
    private final Path telemetry;

    RunningFunction(Process process, RuntimeApiServer api, Path stdout, Path stderr, Path telemetry) {
        this.process = process;
        this.api = api;
        this.stdout = stdout;
        this.stderr = stderr;
        this.telemetry = telemetry;
    }

    /** The outcome of {@code requestId}, waiting at most {@code seconds}; on time-out the failure shows the log. */
    public RuntimeApiServer.Outcome await(String requestId, long seconds) throws InterruptedException, IOException {
        try {
            return api.await(requestId, seconds);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nfunction output:\n" + log(), e);
        }
    }

    /** The init error the runtime client reported, waiting at most {@code seconds}; on time-out the failure shows the log. */
    String awaitInitError(long seconds) throws InterruptedException, IOException {
        try {
            return api.awaitInitError(seconds);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nfunction output:\n" + log(), e);
        }
    }

    /** Everything the function printed so far: one file, or its standard output and standard error labelled. */
    public String log() throws IOException {
        return stderr == null ? read(stdout) : "stdout:\n" + read(stdout) + "\nstderr:\n" + read(stderr);
    }

    /** Standard output so far, when the function was started with {@code separateStreams()}. */
    public String stdout() throws IOException {
        return read(apart(stdout));
    }

    /** Standard error so far, when the function was started with {@code separateStreams()}. */
    public String stderr() throws IOException {
        return read(apart(stderr));
    }

    /** The telemetry log's bytes, whole once the function is stopped. */
    byte[] telemetry() throws IOException {
        if (telemetry == null) {
            throw new IllegalStateException("no telemetry log: start the function with telemetryLog()");
        }
        return Files.readAllBytes(telemetry);
    }

    /** Whether the process ended within {@code seconds}. */
    boolean exited(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        // Stopping the one process stops the function: unshare, the shells and the wrappers exec into what follows them, java last.
        ChildJvm.stop(process);
    }

    private Path apart(Path file) {
        if (stderr == null) {
            throw new IllegalStateException("standard output and error share one file: start the function with separateStreams()");
        }
        return file;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
