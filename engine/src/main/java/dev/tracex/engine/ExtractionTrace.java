package dev.tracex.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The sink a compiled rule writes what it did into while {@link Extractor#explain explaining} one event:
 * nested steps, each one line. Rules take it as an argument that is {@code null} on every ordinary
 * extraction, so the hot path pays one null check per step and allocates nothing; only an explanation
 * builds strings. Lines may quote the event's values (an explanation is for the person who passed the
 * event, on the command line); log lines never do.
 *
 * <p>Not thread-safe: one trace follows one extraction on one thread. The compiled rules call its methods;
 * a caller only creates one through {@link Extractor#explain}.
 */
public final class ExtractionTrace {
    private static final int QUOTE_LIMIT = 60;

    /** One line of the explanation, at its nesting depth (0 for the selected rule). */
    public record Line(int depth, String text) {
    }

    private final List<Line> lines = new ArrayList<>();
    private int depth;

    ExtractionTrace() {
    }

    /** A step that has steps of its own; {@link #exit} closes it. */
    public void enter(String step) {
        lines.add(new Line(depth, step));
        depth++;
    }

    /** Closes the innermost step, with its outcome as its last line. */
    public void exit(String outcome) {
        if (outcome != null) {
            lines.add(new Line(depth, outcome));
        }
        depth = Math.max(0, depth - 1);
    }

    /** One step. */
    public void note(String step) {
        lines.add(new Line(depth, step));
    }

    /** The last line of a step: {@code -> trace_id 1, parent_id 2 (datadog)}, {@code -> 2 links, no parent}, {@code -> no context}. */
    public static String outcome(Extraction e) {
        if (e.parent().isPresent()) {
            TraceContext c = e.parent().get();
            return "-> trace_id " + c.traceId() + ", parent_id " + c.parentIdDecimal() + " (" + c.format() + ")"
                    + (e.links().isEmpty() ? "" : ", " + count(e.links().size(), "link"));
        }
        return e.links().isEmpty() ? "-> no context" : "-> " + count(e.links().size(), "link") + ", no parent";
    }

    /** The last line of a step that threw (rules never do by contract; a bug if one does). */
    public static String failed(Throwable t) {
        return "-> failed with " + t;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** What a value is, for a line: {@code an object (3 keys)}, {@code a string "abc"} (at most 60 characters quoted). */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isObject()) {
            return "an object (" + count(v.size(), "key") + ")";
        }
        if (v.isArray()) {
            return "an array (" + count(v.size(), "item") + ")";
        }
        if (v.isTextual()) {
            return "a string " + quote(v.textValue());
        }
        if (v.isBinary()) {
            return "bytes (" + count(binaryLength(v), "byte") + ")";
        }
        if (v.isNumber()) {
            return "a number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isNull() ? "null" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code s} in double quotes, cut to 60 characters with {@code ...}. */
    public static String quote(String s) {
        if (s == null) {
            return "nothing";
        }
        String cut = s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "...";
        return '"' + cut.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static int binaryLength(JsonNode v) {
        try {
            return v.binaryValue().length;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
