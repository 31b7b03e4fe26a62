package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What {@link Suggester} found in one event: the proposals best first, which built-ins read the event already, and
 * where the given ids appear; as text ({@link #text()}, itself a rules file) or as JSON for the playground.
 */
public final class Suggestions {
    private final String event;
    private final BuiltinReading builtin;
    private final List<Proposal> proposals;
    private final List<IdPlace> idPlaces;
    private final int idsGiven;

    Suggestions(String event, BuiltinReading builtin, List<Proposal> proposals, List<IdPlace> idPlaces, int idsGiven) {
        this.event = event;
        this.builtin = builtin;
        this.proposals = List.copyOf(proposals);
        this.idPlaces = List.copyOf(idPlaces);
        this.idsGiven = idsGiven;
    }

    /** The proposals, best first. */
    public List<Proposal> proposals() {
        return proposals;
    }

    /** Which built-ins read the event already, in one sentence. */
    public String builtinSentence() {
        return builtin.sentence();
    }

    /** Where each given id appears, one line each ({@code trace id 123 is at $.a.b (decimal)}), or why nowhere. */
    public List<String> idLines() {
        if (idsGiven == 0) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        for (IdPlace p : idPlaces) {
            lines.add(p.id().label() + " " + p.id().given() + " is at " + p.describe());
        }
        if (lines.isEmpty()) {
            lines.add("the given " + (idsGiven == 1 ? "id appears" : "ids appear") + " nowhere in the event, decoded values included");
        }
        return lines;
    }

    /**
     * The proposals as a rules file: comments saying what was found, then {@code extractors:} with every proposed rule
     * and its example; without a proposal, the comments alone.
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (proposals.isEmpty()) {
            out.append("# No rule for ").append(event).append(": no place in it carries a trace context that tracex can read.\n");
        } else {
            out.append(proposals.size() == 1 ? "# A rule for " + event + "; its example is the event cut down to what the rule reads.\n"
                    : "# " + proposals.size() + " rules for " + event + ", best first; each example is the event cut down to what its rule reads.\n");
        }
        out.append("# ").append(builtin.sentence()).append('\n');
        idLines().forEach(l -> out.append("# ").append(l).append('\n'));
        if (!proposals.isEmpty()) {
            out.append("extractors:\n");
            proposals.forEach(p -> out.append(p.text()));
        }
        return out.toString();
    }

    /** For the playground: {@code builtin}, {@code ids} (lines), {@code proposals} (name, title, rule text, trace_id, parent_id, format). */
    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("builtin", builtin.sentence());
        ArrayNode ids = o.putArray("ids");
        idLines().forEach(ids::add);
        ArrayNode list = o.putArray("proposals");
        for (Proposal p : proposals) {
            ObjectNode j = list.addObject();
            j.put("name", p.name());
            j.put("title", p.title());
            j.put("rule", p.text());
            j.put("format", p.context().format());
            j.put("trace_id", p.context().traceId());
            j.put("parent_id", p.context().parentIdDecimal());
        }
        return o;
    }
}
