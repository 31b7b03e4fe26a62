package dev.tracex.lambda.internal.invocation;

import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.lambda.internal.handoff.ExtractionOutcome;

/**
 * The extractor that made this thread's last extraction, and whether it failed, for the hand-off that follows:
 * an {@link Extraction} does not say which extractor found nothing, and the public {@code open(Extraction, ...)}
 * takes only the extraction. Matched by identity, so an extraction the function built itself gets no name (an empty one it opens right
 * after one of tracex's may get that one's: {@code Extraction.none()} is shared). One
 * mutable holder per thread: noting allocates nothing.
 */
final class LastExtraction {
    private static final ThreadLocal<LastExtraction> LAST = ThreadLocal.withInitial(LastExtraction::new);

    private Extraction extraction;
    private String extractor;
    private boolean failed;

    private LastExtraction() {
    }

    /** Notes that {@code extractor} gave {@code e} on this thread; returns {@code e}. */
    static Extraction note(Extraction e, Extractor extractor, boolean failed) {
        LastExtraction last = LAST.get();
        last.extraction = e;
        last.extractor = extractor.name();
        last.failed = failed;
        return e;
    }

    /** The outcome of {@code e}, named after the extractor that gave it when it was this thread's last extraction. */
    static ExtractionOutcome outcomeOf(Extraction e) {
        LastExtraction last = LAST.get();
        boolean ours = last.extraction == e;
        return ExtractionOutcome.of(e, ours ? last.extractor : null, ours && last.failed);
    }
}
