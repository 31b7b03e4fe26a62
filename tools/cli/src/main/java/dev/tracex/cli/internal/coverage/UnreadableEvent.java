package dev.tracex.cli.internal.coverage;

/** An event that is not JSON; the message names it, with the line and column where that applies, ready to print. */
public final class UnreadableEvent extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableEvent(String message) {
        super(message, null, false, false);
    }
}
