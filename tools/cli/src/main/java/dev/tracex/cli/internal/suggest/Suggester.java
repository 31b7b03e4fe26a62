package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TraceContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code tracex suggest}: rules for the places an event carries a trace context, best first. The search proposes
 * places ({@link CarrierSearch}); each is written as a rule and run on the event by the engine, and only a rule that
 * finds a context is kept, with an example made of the event cut down to what it reads and the context it finds.
 * The same place in later records of a batch is not proposed again. Thread-safe (it keeps no state).
 *
 * <pre>{@code
 * Suggestions s = Suggester.suggest(event, "event.json", null, null, Set.of());
 * System.out.print(s.text());      // a rules file: extractors: with one rule per place
 * }</pre>
 */
public final class Suggester {
    /**
     * How many records of a batch a place is tried in without finding a context before it is given up: an SQS batch's
     * ten at most; a Kinesis or Kafka batch of thousands costs ten compilations per place, not thousands.
     */
    private static final int MAX_FAILURES = 10;
    private static final List<String> EXPECTED_KEYS = List.of("format", "trace_id", "trace_id_128", "parent_id", "sampling_priority");

    private Suggester() {
    }

    /**
     * @param event    the event
     * @param name     what to call it in the output (its file)
     * @param traceId  a trace id to look for ({@code --trace-id}), or {@code null}
     * @param parentId a parent id to look for ({@code --parent-id}), or {@code null}
     * @param taken    rule names not to give out (those of the file the rules go into)
     * @throws IllegalArgumentException when an id is not one, saying so with its option's name
     */
    public static Suggestions suggest(JsonNode event, String name, String traceId, String parentId, Set<String> taken) {
        Objects.requireNonNull(event, "event");
        IdForms trace = traceId == null ? null : IdForms.parse("--trace-id", traceId, true);
        IdForms parent = parentId == null ? null : IdForms.parse("--parent-id", parentId, false);
        List<IdForms> ids = new ArrayList<>();
        if (trace != null) {
            ids.add(trace);
        }
        if (parent != null) {
            ids.add(parent);
        }
        CarrierSearch.Findings search = CarrierSearch.search(event, ids);
        List<Candidate> candidates = new ArrayList<>(search.candidates());
        FieldsCandidate.of(search.idPlaces(), trace, parent).ifPresent(candidates::add);

        List<Confirmed> confirmed = confirm(candidates, event, trace, parent);
        // Ids the user gave first; then the first records of a batch (the parent tracers take is the first record's);
        // then the kind of carrier; then the shorter pipeline; then document order.
        confirmed.sort(Comparator.comparingInt((Confirmed c) -> -c.idMatch)
                .thenComparingInt(c -> indices(c.candidate))
                .thenComparing(c -> c.candidate.kind())
                .thenComparingInt(c -> c.candidate.routes().stream().mapToInt(Route::stages).sum())
                .thenComparingInt(c -> c.order));

        RuleNames names = new RuleNames(taken);
        List<Proposal> proposals = new ArrayList<>();
        for (Confirmed c : confirmed) {
            proposals.add(proposal(names.next(c.candidate), c, event, proposals.size() + 1));
        }
        return new Suggestions(name, BuiltinReading.of(event), proposals, search.idPlaces(), ids.size());
    }

    /**
     * The candidates whose rule finds a context in the event. A place is tried in each record of a batch until its
     * rule finds one there (the first records may lack it, or hold a broken one), then no more; a place that fails in
     * {@link #MAX_FAILURES} records is not tried in the rest, so a large batch costs a few compilations, not one per record.
     */
    private static List<Confirmed> confirm(List<Candidate> candidates, JsonNode event, IdForms trace, IdForms parent) {
        List<Confirmed> confirmed = new ArrayList<>();
        Map<String, Integer> failures = new HashMap<>();
        for (int order = 0; order < candidates.size(); order++) {
            Candidate c = candidates.get(order);
            String shape = shape(c);
            if (failures.getOrDefault(shape, 0) >= MAX_FAILURES) {
                continue;
            }
            TraceContext context = contextOf(c, event);
            if (context == null) {
                failures.merge(shape, 1, Integer::sum);
            } else {
                failures.put(shape, MAX_FAILURES); // found: the same place in later records adds nothing
                confirmed.add(new Confirmed(c, context, order, matches(context, trace, parent)));
            }
        }
        return confirmed;
    }

    private static int indices(Candidate c) {
        int sum = 0;
        for (Route r : c.routes()) {
            for (Object s : r.raw().segments()) {
                sum += s instanceof Integer i ? i : 0;
            }
        }
        return sum;
    }

    private record Confirmed(Candidate candidate, TraceContext context, int order, int idMatch) {
    }

    /** A candidate's rule with its array indices as {@code [*]}: one proposal per place, whatever the record. */
    private static String shape(Candidate c) {
        StringBuilder s = new StringBuilder(c.kind().name()).append(' ').append(c.header());
        c.routes().forEach(r -> s.append(' ').append(r.shape()));
        return s.toString();
    }

    /** The context the candidate's rule finds in the event, or {@code null}. */
    private static TraceContext contextOf(Candidate c, JsonNode event) {
        try {
            Extractors file = Extractors.parse(ruleFile("candidate", c.body()), "suggested.yaml");
            Extraction e = file.extractor("candidate").extract(event);
            return e.parent().orElse(null);
        } catch (RuleCompilationException e) {
            return null; // a place whose rule the compiler refuses is no place to propose
        }
    }

    private static int matches(TraceContext c, IdForms trace, IdForms parent) {
        int n = 0;
        if (trace != null && trace.isDecimal(c.traceId()) && trace.is128(c.traceIdHex())) {
            n++;
        }
        if (parent != null && parent.isDecimal(c.parentIdDecimal())) {
            n++;
        }
        return n;
    }

    private static Proposal proposal(String name, Confirmed c, JsonNode event, int rank) {
        JsonNode example = PrunedEvent.keep(event, c.candidate.reads());
        List<String> examples = List.of("examples:", "  - event: " + YamlText.flow(example), "    expect: " + expect(c.context));
        String what = c.candidate.kind() == CarrierKind.FIELDS ? c.candidate.kind().phrase()
                : c.context.format() + " context from " + c.candidate.kind().phrase();
        String title = rank + ". " + what + at(c.candidate);
        List<String> yaml = new ArrayList<>();
        yaml.add("  # " + title);
        yaml.add("  " + name + ":");
        c.candidate.body().forEach(l -> yaml.add("    " + l));
        examples.forEach(l -> yaml.add("    " + l));
        return new Proposal(name, title, List.copyOf(yaml), c.context, c.idMatch);
    }

    private static String at(Candidate c) {
        List<String> steps = c.route().decodings();
        return steps.isEmpty() ? "" : ", decoded with " + String.join(", then ", steps);
    }

    /** The context's keys as {@code extract} prints them, those an example compares: {@code {format: datadog, trace_id: "1", ...}}. */
    private static String expect(TraceContext context) {
        JsonNode json = ContextJson.of(context);
        List<String> pairs = new ArrayList<>();
        for (String key : EXPECTED_KEYS) {
            JsonNode v = json.get(key);
            pairs.add(key + ": " + (v == null || v.isNull() ? "null" : v.isNumber() || key.equals("format") ? v.asText() : YamlText.quoted(v.asText())));
        }
        return "{" + String.join(", ", pairs) + "}";
    }

    /** A rules file of one rule: what a candidate is tried as. */
    static String ruleFile(String name, List<String> body) {
        StringBuilder out = new StringBuilder("extractors:\n  ").append(name).append(":\n");
        body.forEach(l -> out.append("    ").append(l).append('\n'));
        return out.toString();
    }
}
