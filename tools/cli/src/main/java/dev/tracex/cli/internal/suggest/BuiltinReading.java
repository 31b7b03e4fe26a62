package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.TraceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which built-in rules already read an event: {@code builtin.default} (what runs when no rule is selected, and
 * behind every selected rule), and every other built-in that finds a context in it. A user need not write a rule
 * for an event the built-ins read.
 *
 * @param byDefault what {@code builtin.default} finds, if anything
 * @param readers   the other built-ins that find a context, in the built-in file's order ({@code builtin.sqs}, ...)
 * @param firstFound when {@code builtin.default} finds nothing, what the first of {@code readers} finds
 */
record BuiltinReading(Optional<TraceContext> byDefault, List<String> readers, Optional<TraceContext> firstFound) {
    private static final String DEFAULT = "default";

    static BuiltinReading of(JsonNode event) {
        Extractors builtins = Extractors.builtins();
        Optional<TraceContext> byDefault = Optional.empty();
        Optional<TraceContext> first = Optional.empty();
        List<String> readers = new ArrayList<>();
        for (String name : builtins.names()) {
            Extraction found;
            try {
                found = builtins.extractor(name).extract(event);
            } catch (RuleCompilationException e) {
                continue; // the built-ins compile (their own tests say so); a JS one would not be here
            }
            if (found.parent().isEmpty()) {
                continue;
            }
            if (name.equals(DEFAULT)) {
                byDefault = found.parent();
            } else {
                readers.add("builtin." + name);
                first = first.isPresent() ? first : found.parent();
            }
        }
        return new BuiltinReading(byDefault, List.copyOf(readers), first);
    }

    /** One line saying which built-ins read the event, and what they find. */
    String sentence() {
        if (byDefault.isPresent()) {
            List<String> others = readers.stream().filter(r -> !r.equals(byDefault.get().rule())).toList();
            return "builtin.default reads this event already: " + found(byDefault.get())
                    + (others.isEmpty() ? "" : "; so do " + String.join(", ", others));
        }
        if (!readers.isEmpty()) {
            return "builtin.default finds no context here, but " + String.join(", ", readers) + (readers.size() == 1 ? " does: " : " do: ")
                    + found(firstFound.get());
        }
        return "no built-in rule finds a context in this event";
    }

    private static String found(TraceContext c) {
        return "rule " + c.rule() + " finds trace_id " + c.traceId() + ", parent_id " + c.parentIdDecimal() + " (" + c.format() + ")";
    }
}
