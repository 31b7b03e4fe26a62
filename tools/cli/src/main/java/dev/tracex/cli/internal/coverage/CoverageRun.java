package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One rule run over many events, tallied. An event where the rule finds a context costs one extraction from its
 * bytes (only what the rule reads is parsed); only a miss is parsed whole and explained, to group it by why. Not
 * thread-safe: one run, one thread.
 *
 * <pre>{@code
 * CoverageRun run = new CoverageRun(extractor, parser);
 * EventSources.of(List.of("captured/"), System.in, parser).forEach(run);
 * System.out.print(run.report().text());
 * }</pre>
 */
public final class CoverageRun implements EventSources.Sink {
    private final Extractor rule;
    private final EventParser parser;
    private final Progress progress;
    private long events;
    private long found;
    private long linksOnly;
    private final Map<String, Long> answered = new LinkedHashMap<>();
    private final Map<MissReason, Group> misses = new LinkedHashMap<>();
    private final Map<String, Group> unreadable = new LinkedHashMap<>();

    /** Events that failed alike: how many, and the first of them. */
    static final class Group {
        long count;
        final String example;

        Group(String example) {
            this.example = example;
        }
    }

    public CoverageRun(Extractor rule, EventParser parser, Progress progress) {
        this.rule = rule;
        this.parser = parser;
        this.progress = progress;
    }

    @Override
    public void event(CapturedEvent e) {
        events++;
        Extraction x = e.tree() != null ? rule.extract(e.tree(), InvocationContext.NONE) : rule.extract(e.bytes(), InvocationContext.NONE);
        if (x.parent().isPresent()) {
            found++;
            answered.merge(x.parent().get().rule(), 1L, Long::sum);
        } else if (!x.links().isEmpty()) {
            linksOnly++;
        } else {
            miss(e);
        }
        progress.update(events, found);
    }

    private void miss(CapturedEvent e) {
        JsonNode tree = e.tree();
        if (tree == null) {
            try {
                tree = parser.parse(e.file(), e.line(), e.bytes());
            } catch (UnreadableEvent u) {
                events--; // counted where it belongs, as unreadable
                unreadable(e.file(), u.getMessage());
                return;
            }
        }
        MissReason why = MissReason.of(rule.explain(tree, InvocationContext.NONE));
        misses.computeIfAbsent(why, k -> new Group(e.name())).count++;
    }

    @Override
    public void unreadable(String file, String message) {
        // Grouped by what is wrong, not where: the message without its leading file:line:column.
        String what = message.replaceFirst("^" + Pattern.quote(file) + "(:\\d+)*(\\[\\d+\\])?( @message)?(:\\d+)*: ", "");
        unreadable.computeIfAbsent(what, k -> new Group(message)).count++;
    }

    /** The tally so far. */
    public CoverageReport report() {
        progress.finish();
        return new CoverageReport(rule.name(), events, found, linksOnly, answered, misses, unreadable);
    }
}
