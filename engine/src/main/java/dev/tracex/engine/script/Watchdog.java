package dev.tracex.engine.script;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The wall-clock guard: one daemon thread that cancels a context whose call outlives its time. The
 * statement limit cannot see time spent inside built-ins (a huge {@code repeat}, a long sort), so both
 * are needed.
 *
 * <p>A call registers a {@link Guard} in a set and removes it when it returns; the thread looks at the set
 * every {@value #TICK_MILLIS} ms while calls come, and sleeps until woken after {@value #IDLE_TICKS} empty
 * looks. A timeout thus fires up to one tick late. Why not a {@code ScheduledThreadPoolExecutor} task per
 * call: scheduling one woke the timer thread on every call (a lock and an unpark), 12% of a JS rule's time
 * per call under Lambda's C1 JIT ({@code JsRuleBenchmark} with {@code -prof stack}).
 */
final class Watchdog {
    static final long TICK_MILLIS = 10;
    static final int IDLE_TICKS = 100;

    private static final Set<Guard> ACTIVE = ConcurrentHashMap.newKeySet();
    private static volatile Thread sleeping;

    private Watchdog() {
    }

    /** Cancels {@code runtime} after {@code timeout} unless the returned guard is released first. */
    static Guard guard(JsRuntime runtime, Duration timeout) {
        Guard g = new Guard(runtime, System.nanoTime() + timeout.toNanos());
        ACTIVE.add(g);
        Thread s = sleeping;
        if (s != null) {
            LockSupport.unpark(s); // only after an idle spell: the thread is awake while calls come
        } else {
            Ticker.start();
        }
        return g;
    }

    /** One guarded call. */
    static final class Guard {
        private static final int RUNNING = 0;
        private static final int RELEASED = 1;
        private static final int FIRED = 2;

        private final JsRuntime runtime;
        private final long deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);

        private Guard(JsRuntime runtime, long deadline) {
            this.runtime = runtime;
            this.deadline = deadline;
        }

        /** Ends the guard; {@code false} when the watchdog fired first (or is firing): the context is closed. */
        boolean release() {
            boolean released = state.compareAndSet(RUNNING, RELEASED);
            ACTIVE.remove(this);
            return released;
        }

        private void fireIfDue(long now) {
            if (now - deadline >= 0 && state.compareAndSet(RUNNING, FIRED)) {
                ACTIVE.remove(this);
                runtime.cancel();
            }
        }
    }

    /** The thread, started with the first guard. */
    private static final class Ticker {
        private static final Thread THREAD = create();

        static void start() {
            // Class initialisation starts it once; later calls only touch the initialised class.
        }

        private static Thread create() {
            Thread t = new Thread(Ticker::run, "tracex-js-watchdog");
            t.setDaemon(true);
            t.start();
            return t;
        }

        private static void run() {
            int idle = 0;
            while (true) {
                if (ACTIVE.isEmpty()) {
                    idle++;
                } else {
                    idle = 0;
                    long now = System.nanoTime();
                    for (Guard g : ACTIVE) {
                        g.fireIfDue(now);
                    }
                }
                if (idle >= IDLE_TICKS) {
                    sleeping = Thread.currentThread();
                    if (ACTIVE.isEmpty()) { // a guard added before the flag was set would not have woken us
                        LockSupport.park(Watchdog.class);
                    }
                    sleeping = null;
                    idle = 0;
                } else {
                    LockSupport.parkNanos(Watchdog.class, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
                }
            }
        }
    }
}
