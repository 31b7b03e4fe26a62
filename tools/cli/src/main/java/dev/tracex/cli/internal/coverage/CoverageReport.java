package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tally of a coverage run, for people ({@link #text()}) and for machines ({@link #json()}): events read, how many
 * got a context, which rule answered how often, and the misses and unreadable events grouped, most frequent first,
 * each group with the first event it holds.
 */
public final class CoverageReport {
    private final String rule;
    private final long events;
    private final long found;
    private final long linksOnly;
    private final List<Map.Entry<String, Long>> answered;
    private final List<Map.Entry<MissReason, CoverageRun.Group>> misses;
    private final List<Map.Entry<String, CoverageRun.Group>> unreadable;

    CoverageReport(String rule, long events, long found, long linksOnly, Map<String, Long> answered,
                   Map<MissReason, CoverageRun.Group> misses, Map<String, CoverageRun.Group> unreadable) {
        this.rule = rule;
        this.events = events;
        this.found = found;
        this.linksOnly = linksOnly;
        this.answered = sorted(answered, Map.Entry::getValue);
        this.misses = sorted(misses, e -> e.getValue().count);
        this.unreadable = sorted(unreadable, e -> e.getValue().count);
    }

    /** Most first; a stable sort keeps first-seen order among equals. */
    private static <K, V> List<Map.Entry<K, V>> sorted(Map<K, V> m, java.util.function.ToLongFunction<Map.Entry<K, V>> count) {
        List<Map.Entry<K, V>> list = new ArrayList<>(m.entrySet());
        list.sort(Comparator.comparingLong(count).reversed());
        return List.copyOf(list);
    }

    /** Events read (unreadable ones not counted). */
    public long events() {
        return events;
    }

    /** Events with no context and no batch links. */
    public long missed() {
        return events - found - linksOnly;
    }

    /** Events that were not JSON. */
    public long unreadable() {
        return unreadable.stream().mapToLong(e -> e.getValue().count).sum();
    }

    /** What {@code tracex coverage} prints. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("rule \"").append(rule).append("\": ").append(count(events, "event")).append(", ")
                .append(found).append(" with a context (").append(percent(found)).append(')');
        if (linksOnly > 0) {
            out.append(", ").append(linksOnly).append(" with batch links only");
        }
        out.append(", ").append(missed()).append(" without\n");
        if (!answered.isEmpty()) {
            out.append("answered by:\n");
            int width = answered.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
            for (Map.Entry<String, Long> a : answered) {
                out.append("  ").append(a.getKey()).append(" ".repeat(width - a.getKey().length())).append("  ").append(a.getValue()).append('\n');
            }
        }
        if (!misses.isEmpty()) {
            out.append("without a context, by reason:\n");
            for (Map.Entry<MissReason, CoverageRun.Group> m : misses) {
                out.append("  ").append(count(m.getValue().count, "event")).append(", e.g. ").append(m.getValue().example).append('\n');
                if (m.getKey().stages().isEmpty()) {
                    out.append("    ").append(m.getKey()).append('\n');
                }
                m.getKey().stages().forEach(s -> out.append("    ").append(s).append('\n'));
            }
        }
        if (!unreadable.isEmpty()) {
            out.append("not JSON: ").append(count(unreadable(), "event")).append('\n');
            for (Map.Entry<String, CoverageRun.Group> u : unreadable) {
                out.append("  ").append(count(u.getValue().count, "event")).append(", e.g. ").append(u.getValue().example).append('\n');
            }
        }
        return out.toString();
    }

    /** The same as JSON: {@code rule}, {@code events}, {@code with_context}, {@code links_only}, {@code without_context}, {@code answered}, {@code misses}, {@code unreadable}. */
    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("rule", rule);
        o.put("events", events);
        o.put("with_context", found);
        o.put("links_only", linksOnly);
        o.put("without_context", missed());
        ObjectNode by = o.putObject("answered");
        answered.forEach(a -> by.put(a.getKey(), a.getValue()));
        ArrayNode m = o.putArray("misses");
        for (Map.Entry<MissReason, CoverageRun.Group> e : misses) {
            ObjectNode g = m.addObject();
            g.put("events", e.getValue().count);
            g.put("example", e.getValue().example);
            ArrayNode stages = g.putArray("reasons");
            e.getKey().stages().forEach(s -> stages.addObject().put("rule", s.rule()).put("stage", s.stage()));
        }
        ArrayNode u = o.putArray("unreadable");
        for (Map.Entry<String, CoverageRun.Group> e : unreadable) {
            u.addObject().put("events", e.getValue().count).put("error", e.getKey()).put("example", e.getValue().example);
        }
        return o;
    }

    private String percent(long n) {
        return events == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / events);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
