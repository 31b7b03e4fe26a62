package dev.tracex.lambda.internal.invocation;

import dev.tracex.lambda.internal.logging.Log;

import java.util.List;

/**
 * Undoing a hand-off (an invocation's, a record's, a context carried to another thread): its steps closed
 * in reverse order, each failure one warning and never a reason to skip the steps after it, so the thread
 * is left as it was found as far as it can be.
 */
public final class Undo {
    private Undo() {
    }

    /** Closes {@code steps} last first; never throws. {@code what} names the hand-off in the warning. */
    public static void inReverse(List<AutoCloseable> steps, String what) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            try {
                steps.get(i).close();
            } catch (Exception | LinkageError e) {
                Log.warn("tracex: cannot undo " + what + ": " + e);
            }
        }
    }
}
