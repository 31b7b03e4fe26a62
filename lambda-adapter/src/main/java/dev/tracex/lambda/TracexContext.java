package dev.tracex.lambda;

import dev.tracex.lambda.internal.invocation.CarriedContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries the context current on this thread (a batch record's inside {@link RecordScope}, else the
 * invocation's) to work that runs on other threads: tracex's {@link TracexLambda#current()}, the OpenTelemetry
 * context (spans started there are children of the record's span or context), and the SLF4J MDC. The context
 * is captured when a task is wrapped or submitted and installed only while it runs, then the worker thread's
 * own is put back, so nothing leaks to the next task or the next invocation.
 *
 * <p>Thread-safe. The wrappers change nothing else: results, exceptions and cancellation are the task's and
 * the executor's.
 *
 * <pre>{@code
 * ExecutorService pool = TracexContext.wrap(Executors.newFixedThreadPool(8)); // once, at init
 * List<Future<?>> done = new ArrayList<>();
 * TracexBatch.forEachRecord(event, (message, record) -> done.add(pool.submit(() -> process(message))));
 * for (Future<?> f : done) f.get();
 * }</pre>
 */
public final class TracexContext {
    private TracexContext() {
    }

    /** {@code task}, run with the context current now. */
    public static Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        CarriedContext carried = CarriedContext.capture();
        return () -> carried.run(task);
    }

    /** {@code task}, called with the context current now. */
    public static <V> Callable<V> wrap(Callable<V> task) {
        Objects.requireNonNull(task, "task");
        CarriedContext carried = CarriedContext.capture();
        return () -> carried.call(task);
    }

    /** An executor that runs each task with the context current when it was submitted. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /** An executor service that runs each task with the context current when it was submitted; shutting it down shuts {@code executor} down. */
    public static ExecutorService wrap(ExecutorService executor) {
        return new ContextExecutorService(Objects.requireNonNull(executor, "executor"));
    }

    /** Delegates everything, wrapping each task at submission. */
    private static final class ContextExecutorService implements ExecutorService {
        private final ExecutorService delegate;

        ContextExecutorService(ExecutorService delegate) {
            this.delegate = delegate;
        }

        private static <T> List<Callable<T>> wrapAll(Collection<? extends Callable<T>> tasks) {
            List<Callable<T>> out = new ArrayList<>(tasks.size());
            for (Callable<T> t : tasks) {
                out.add(wrap(t));
            }
            return out;
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(wrap(command));
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return delegate.submit(wrap(task));
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return delegate.submit(wrap(task), result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return delegate.submit(wrap(task));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return delegate.invokeAll(wrapAll(tasks));
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return delegate.invokeAll(wrapAll(tasks), timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
            return delegate.invokeAny(wrapAll(tasks));
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return delegate.invokeAny(wrapAll(tasks), timeout, unit);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }
    }
}
