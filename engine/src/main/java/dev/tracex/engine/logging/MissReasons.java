package dev.tracex.engine.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * The reasons the extractions on this thread found nothing, gathered instead of logged, so that a caller can say
 * them in one line of its own: while one is open, each extractor that finds nothing gives one reason here, its
 * first one as {@code tracex explain} would summarise it ({@code rule "orders": $.detail._datadog not found},
 * {@code (and 3 more)} when there were others). Reasons name rules and paths, never the event's content, and are
 * gathered only while debug lines are written ({@link TracexLogger#debugging()}): an extraction at {@code info}
 * pays nothing. Not thread-safe: open, extract and close on one thread.
 *
 * <pre>{@code
 * try (MissReasons why = MissReasons.open()) {
 *     Extraction e = extractor.extract(event);
 *     if (e.parent().isEmpty()) LOG.debug("no parent: " + String.join("; ", why.reasons()));
 * }
 * }</pre>
 */
public final class MissReasons implements AutoCloseable {
    private static final ThreadLocal<MissReasons> OPEN = new ThreadLocal<>();

    private final MissReasons previous;
    private final List<String> reasons = new ArrayList<>(2);

    private MissReasons(MissReasons previous) {
        this.previous = previous;
    }

    /** Starts gathering on this thread; close it to stop. */
    public static MissReasons open() {
        MissReasons r = new MissReasons(OPEN.get());
        OPEN.set(r);
        return r;
    }

    /** The reasons gathered so far, one per extractor that found nothing, in order. */
    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    /**
     * Gives {@code reason} to the gathering open on this thread; false (the caller logs it) when none is. For the
     * engine's rules.
     */
    public static boolean offer(String reason) {
        MissReasons r = OPEN.get();
        if (r == null) {
            return false;
        }
        r.reasons.add(reason);
        return true;
    }

    @Override
    public void close() {
        if (previous == null) {
            OPEN.remove();
        } else {
            OPEN.set(previous);
        }
    }
}
