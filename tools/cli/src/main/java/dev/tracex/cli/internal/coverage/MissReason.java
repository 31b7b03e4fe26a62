package dev.tracex.cli.internal.coverage;

import dev.tracex.engine.Explanation;
import dev.tracex.engine.ExtractionTrace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a rule found no context in an event, as {@code tracex explain} says it: for each rule it tried (the selected
 * one, and those behind it in a {@code first:} chain), the first stage that failed, e.g. {@code rule "sqs":
 * $.Records[0].messageAttributes._datadog.stringValue: not found in an object}. What is particular to one event (quoted
 * values, how many keys an object had) is left out, so events that failed alike group together.
 *
 * @param stages one entry per rule, in the order tried
 */
public record MissReason(List<Stage> stages) {
    /** The first failing stage of one rule. */
    public record Stage(String rule, String stage) {
        @Override
        public String toString() {
            return "rule \"" + rule + "\": " + stage;
        }
    }

    private static final Pattern RULE = Pattern.compile("rule \"([^\"]+)\": .*");
    private static final Pattern RECORDS = Pattern.compile("each .*: (\\d+) records?");
    private static final Pattern RECORD = Pattern.compile("record \\d+:|records \\d+ to \\d+: not explained");
    /** A stage that got nothing ({@code $.a: not found in ...}, {@code base64: cannot decode ...}), checked before {@link #GOT}. */
    private static final Pattern NOTHING = Pattern.compile(".*: (not |cannot |null$|missing$).*");
    /** A stage that got a value: {@code <stage>: } then the value described. */
    private static final Pattern GOT = Pattern.compile(".*?: (an object \\(|an array \\(|a string |a number |bytes \\(|true$|false$).*");
    private static final Pattern FOUND = Pattern.compile("[a-z0-9 ]+: trace_id \\d+, parent_id \\d+.*");
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern COUNT = Pattern.compile(" \\(\\d+ (?:keys?|items?|bytes?)\\)");
    private static final Pattern NUMBER = Pattern.compile("a number [^ ]+");

    /** The reason in {@code why}, the explanation of a rule that found nothing. */
    public static MissReason of(Explanation why) {
        List<Stage> stages = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        Deque<Open> rules = new ArrayDeque<>();
        for (ExtractionTrace.Line line : why.lines()) {
            while (!rules.isEmpty() && rules.peek().depth >= line.depth()) {
                rules.pop();
            }
            Matcher rule = RULE.matcher(line.text());
            if (rule.matches()) {
                rules.push(new Open(rule.group(1), line.depth()));
            } else if (!rules.isEmpty() && failed(line.text()) && reported.add(rules.peek().name)) {
                stages.add(new Stage(rules.peek().name, general(line.text())));
            }
        }
        return new MissReason(List.copyOf(stages));
    }

    private record Open(String name, int depth) {
    }

    /** True for a line that says a stage found nothing; false for one that got a value, and for structure. */
    static boolean failed(String text) {
        if (text.startsWith("-> ") || RECORD.matcher(text).matches()) {
            return false;
        }
        if (text.startsWith("when ")) {
            return !text.endsWith(": holds");
        }
        Matcher records = RECORDS.matcher(text);
        if (records.matches()) {
            return records.group(1).equals("0");
        }
        if (text.startsWith("not ") || text.contains(" is not ") || NOTHING.matcher(text).matches()) {
            return true;
        }
        return !(text.startsWith("decoded the string as JSON: ") || text.equals("returned an object of headers")
                || text.equals("from: context: reads the invocation context") || FOUND.matcher(text).matches()
                || GOT.matcher(text).matches());
    }

    /** {@code text} without what belongs to one event: quoted values, sizes, numbers. */
    static String general(String text) {
        String s = QUOTED.matcher(text).replaceAll("\"…\"");
        s = COUNT.matcher(s).replaceAll("");
        return NUMBER.matcher(s).replaceAll("a number");
    }

    @Override
    public String toString() {
        return stages.isEmpty() ? "no stage failed: the rule found batch links but no parent, or nothing to explain"
                : String.join("; ", stages.stream().map(Stage::toString).toList());
    }
}
