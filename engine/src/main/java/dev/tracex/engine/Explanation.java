package dev.tracex.engine;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Why an extractor found what it found in one event: every rule it tried, in order, each stage of each
 * pipeline with what it got, each format tried and why it was rejected, and the result. For people:
 * {@code tracex explain} prints it, {@code tracex test} prints it under a failing example. It may quote the
 * event's values, so it is never logged on Lambda.
 *
 * <pre>{@code
 * Explanation why = extractor.explain(event, InvocationContext.NONE);
 * System.out.println(why);   // rule "json": Headers($._datadog)
 *                            //   $._datadog: an object (2 keys)
 *                            //   datadog: x-datadog-parent-id "abc": not an unsigned 64-bit decimal
 *                            //   ...
 * }</pre>
 */
public final class Explanation {
    private final Extraction extraction;
    private final List<ExtractionTrace.Line> lines;

    Explanation(Extraction extraction, List<ExtractionTrace.Line> lines) {
        this.extraction = Objects.requireNonNull(extraction, "extraction");
        this.lines = List.copyOf(lines);
    }

    /** Starts the trace an {@link Extractor} implementation fills while it explains. */
    public static ExtractionTrace newTrace() {
        return new ExtractionTrace();
    }

    /** The explanation of what {@code trace} recorded, with the extraction it led to. */
    public static Explanation of(Extraction extraction, ExtractionTrace trace) {
        return new Explanation(extraction, trace.lines());
    }

    /** What the extraction returned, the same as {@link Extractor#extract} returns for the event. */
    public Extraction extraction() {
        return extraction;
    }

    /** The lines, each with its depth. */
    public List<ExtractionTrace.Line> lines() {
        return lines;
    }

    /** The lines, indented two spaces per level under {@code indent}, each ending with a newline. */
    public String render(String indent) {
        return lines.stream().map(l -> indent + "  ".repeat(l.depth()) + l.text() + "\n").collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return render("");
    }
}
