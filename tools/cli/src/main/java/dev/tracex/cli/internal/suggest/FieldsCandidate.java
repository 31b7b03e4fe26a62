package dev.tracex.cli.internal.suggest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code fields:} rule from where the given trace and parent ids appear as values of their own: the first pair of
 * places spelling both ids alike (decimal, or hex with {@code id_format: hex}). Places that are a header of an
 * object of headers are left out: the headers rule reads those, and better (sampling, tags, other styles).
 */
final class FieldsCandidate {
    private FieldsCandidate() {
    }

    static Optional<Candidate> of(List<IdPlace> places, IdForms trace, IdForms parent) {
        if (trace == null || parent == null) {
            return Optional.empty();
        }
        for (IdPlace t : places) {
            if (t.id() != trace || !usable(t)) {
                continue;
            }
            for (IdPlace p : places) {
                if (p.id() == parent && usable(p) && isHex(t) == isHex(p)) {
                    return Optional.of(Candidate.fields(t.route(), p.route(), isHex(t)));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean usable(IdPlace place) {
        String key = place.route().lastKey();
        return place.exact() && (key == null || !CarrierSearch.HEADER_NAMES.contains(key.toLowerCase(Locale.ROOT)));
    }

    private static boolean isHex(IdPlace place) {
        return place.form().contains("hex");
    }
}
