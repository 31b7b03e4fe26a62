package dev.tracex.engine.internal.jscompile;

/**
 * Why a snippet is not compiled: the first construct outside the subset (or not understood), at a character
 * offset of the snippet. Thrown by the parser and caught by {@link JsSubset}; never escapes it. No stack trace:
 * it is an answer, not a failure.
 */
final class OutsideSubset extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;

    OutsideSubset(String what, int offset) {
        super(what, null, false, false);
        this.offset = offset;
    }
}
