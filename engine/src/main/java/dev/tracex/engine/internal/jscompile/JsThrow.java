package dev.tracex.engine.internal.jscompile;

/**
 * What a compiled snippet throws where JavaScript would throw (a property read of {@code undefined} or
 * {@code null}, {@code JSON.parse} of text that is not JSON, {@code atob} of text that is not base64): the call gives no context, as a thrown error does on
 * GraalJS. No stack trace and no message from the event.
 */
final class JsThrow extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The JavaScript error's name, e.g. {@code TypeError}. */
    final String name;
    /** Snippet offset of the expression that threw. */
    final int offset;

    /** The property a failed read asked for, or {@code null}. */
    private final String key;
    private final Object target;
    /** What JavaScript says, when it is not a failed read. */
    private final String message;

    JsThrow(String name, int offset) {
        this(name, offset, "not valid JSON");
    }

    /** An error with JavaScript's message, e.g. atob's {@code InvalidCharacterError: Invalid character}. */
    JsThrow(String name, int offset, String message) {
        super(name, null, false, false);
        this.name = name;
        this.offset = offset;
        this.key = null;
        this.target = null;
        this.message = message;
    }

    /** A read of {@code key} from {@code target}, {@code null} or {@code undefined}. */
    JsThrow(String name, int offset, String key, Object target) {
        super(name, null, false, false);
        this.name = name;
        this.offset = offset;
        this.key = key;
        this.target = target;
        this.message = null;
    }

    /** The error as GraalJS words it, for explanations only (it may quote the event; never logged). */
    String describe() {
        return key != null ? name + ": Cannot read property '" + key + "' of " + target : name + ": " + message;
    }
}
