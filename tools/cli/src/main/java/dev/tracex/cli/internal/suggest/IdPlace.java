package dev.tracex.cli.internal.suggest;

/**
 * A place where a given id appears.
 *
 * @param id    the id
 * @param route the pipeline to the value
 * @param form  how the value spells it ({@code decimal}, {@code 16 hex}, {@code 32 hex})
 * @param exact true when the value is the id itself, false when the id is inside a longer text (a traceparent ...)
 */
record IdPlace(IdForms id, Route route, String form, boolean exact) {
    /** {@code $.a.b (16 hex, inside the text)}. */
    String describe() {
        return route + " (" + form + (exact ? "" : ", inside the text") + ")";
    }
}
