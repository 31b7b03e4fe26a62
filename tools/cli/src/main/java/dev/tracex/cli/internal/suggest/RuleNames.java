package dev.tracex.cli.internal.suggest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names for suggested rules, made from the keys on the way to the carrier ({@code $.Records[0].messageAttributes
 * ._datadog.stringValue} gives {@code message_attributes_datadog}), unique in the file they go into.
 */
final class RuleNames {
    /** Keys that say how a value is stored, not what it is: a name made of them would say nothing. */
    private static final Set<String> STORAGE_KEYS = Set.of("stringValue", "StringValue", "binaryValue", "BinaryValue", "Value", "value",
            "S", "M", "B");
    private static final int MAX_LENGTH = 40;

    private final Set<String> taken;

    /** @param taken names already in use (the rules file being edited), never given out */
    RuleNames(Set<String> taken) {
        this.taken = new HashSet<>(taken);
    }

    /** A new name for a rule reading {@code candidate}. */
    String next(Candidate candidate) {
        List<String> words = new ArrayList<>();
        List<String> keys = candidate.kind() == CarrierKind.FIELDS ? commonKeys(candidate.routes()) : candidate.route().keys();
        for (String key : keys) {
            String word = snake(key);
            // Indices spelled as keys ({"0": ...}) say nothing either, and a name should not start with a digit.
            if (!word.isEmpty() && !word.matches("[0-9_]+") && !STORAGE_KEYS.contains(key)) {
                words.add(word);
            }
        }
        List<String> last = words.subList(Math.max(0, words.size() - 2), words.size());
        String base = last.isEmpty() ? "event" : String.join("_", last);
        base = switch (candidate.kind()) {
            case XRAY_HEADER -> base + "_xray";
            case FIELDS -> base.equals("event") ? "ids" : base + "_ids";
            case STEP_FUNCTIONS -> last.isEmpty() ? "stepfunctions" : base;
            default -> base;
        };
        base = base.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH).replaceAll("_+$", "") : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /** The keys two routes share from the root: where the ids of a fields rule sit together. */
    private static List<String> commonKeys(List<Route> routes) {
        List<String> a = routes.get(0).keys();
        List<String> b = routes.get(1).keys();
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return a.subList(0, n);
    }

    /** {@code messageAttributes} → {@code message_attributes}, {@code AWSTraceHeader} → {@code aws_trace_header}, {@code x-b3} → {@code x_b3}. */
    static String snake(String key) {
        String split = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        return split.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }
}
