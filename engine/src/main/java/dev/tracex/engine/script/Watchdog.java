package dev.tracex.engine.script;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wall-clock guard: one daemon thread that cancels a context whose call outlives its time. The
 * statement limit cannot see time spent inside built-ins (a huge {@code repeat}, a long sort), so both
 * are needed.
 */
final class Watchdog {
    private Watchdog() {
    }

    /** Cancels {@code runtime} after {@code timeout} unless the returned future is cancelled first. */
    static ScheduledFuture<?> guard(JsRuntime runtime, Duration timeout) {
        return Holder.TIMER.schedule(runtime::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "tracex-js-watchdog");
                thread.setDaemon(true);
                return thread;
            });
            // Almost every guard is cancelled; without this they would pile up in the queue until they expire.
            t.setRemoveOnCancelPolicy(true);
            return t;
        }
    }
}
