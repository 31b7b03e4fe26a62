package dev.tracex.cli.internal.suggest;

import dev.tracex.engine.TraceContext;

import java.util.List;

/**
 * A suggested rule: its name, a title saying what it reads, its YAML (indented to go under {@code extractors:},
 * an example made from the event included), and the context it finds in the event.
 *
 * @param name    the rule's name
 * @param title   what it reads, in words
 * @param yaml    the rule's lines, each indented by two spaces, ready to paste under {@code extractors:}
 * @param context the context the rule finds in the event
 * @param idMatch how many of the given ids (0 to 2) the context has
 */
public record Proposal(String name, String title, List<String> yaml, TraceContext context, int idMatch) {
    /** The rule's lines joined, each ending with a newline. */
    public String text() {
        return String.join("\n", yaml) + "\n";
    }
}
