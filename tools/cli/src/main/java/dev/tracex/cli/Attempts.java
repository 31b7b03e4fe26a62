package dev.tracex.cli;

import dev.tracex.engine.Explanation;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;

/**
 * The selected rule, then {@code builtin.default} when it found no parent, as the adapter runs them (a parent
 * wins; else the first batch links), run apart so the command line can say which one answered.
 */
final class Attempts {
    /** What answered: the extraction, and whether it is the fallback's. */
    record Answer(Extraction extraction, boolean byFallback) {
    }

    private Attempts() {
    }

    static Answer extract(ExtractorOptions.Selected selected, boolean fallback, EventOptions.Input input) {
        Extraction first = selected.rule().extract(input.event(), input.context());
        if (first.parent().isPresent() || !fallback || selected.fallback() == null) {
            return new Answer(first, false);
        }
        Extraction second = selected.fallback().extract(input.event(), input.context());
        return choose(first, second);
    }

    /** The explanations, selected rule first, and the answer they lead to. */
    record Explained(Explanation selected, Explanation fallback, Answer answer) {
    }

    static Explained explain(ExtractorOptions.Selected selected, boolean fallback, EventOptions.Input input) {
        Explanation first = selected.rule().explain(input.event(), input.context());
        if (first.extraction().parent().isPresent() || !fallback || selected.fallback() == null) {
            return new Explained(first, null, new Answer(first.extraction(), false));
        }
        Explanation second = selected.fallback().explain(input.event(), input.context());
        return new Explained(first, second, choose(first.extraction(), second.extraction()));
    }

    private static Answer choose(Extraction first, Extraction second) {
        if (second.parent().isPresent() || (first.isEmpty() && !second.isEmpty())) {
            return new Answer(second, true);
        }
        return new Answer(first, false);
    }

    /** The stderr note when the fallback answered for the selected rule. */
    static String fallbackNote(Extractor selected, Extractor fallback) {
        return "rule \"" + selected.name() + "\" found no context; " + fallback.name() + " answered instead "
                + "(tracex explain says why; --no-fallback turns the fallback off)";
    }
}
