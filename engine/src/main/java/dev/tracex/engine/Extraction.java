package dev.tracex.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an extractor found in one event: the parent context, if any, and for batch events every record
 * in order ({@link #records()}: its identity and its context or none) and the contexts found among them
 * ({@link #links()}, records without one skipped) to attach as span links.
 *
 * <p>Immutable. {@link #none()} is the result whenever nothing usable was found, including on
 * malformed input and on a batch none of whose records carried a context.
 * <pre>{@code
 * Extraction e = extractor.extract(eventBytes);
 * for (RecordContext r : e.records()) {
 *     System.out.println(r.id().orElse("?") + " -> " + r.context().map(TraceContext::traceId).orElse("none"));
 * }
 * }</pre>
 */
public final class Extraction {
    private static final Extraction NONE = new Extraction(null, List.of(), List.of(), false, null);

    private final TraceContext parent;
    private final List<TraceContext> links;
    private final List<RecordContext> records;
    private final boolean parentSettled;
    /** The records by id, built on first use and shared with {@link #withParent} copies. */
    private final RecordIndex index;

    private Extraction(TraceContext parent, List<TraceContext> links, List<RecordContext> records, boolean parentSettled,
                       RecordIndex index) {
        this.parent = parent;
        this.links = links;
        this.records = records;
        this.parentSettled = parentSettled;
        this.index = index == null ? new RecordIndex(records) : index;
    }

    /** Lazily built: most extractions are never asked for a record by id. Benign race: both builders build the same map. */
    private static final class RecordIndex {
        private final List<RecordContext> records;
        private volatile Map<String, RecordContext> byId;

        RecordIndex(List<RecordContext> records) {
            this.records = records;
        }

        Map<String, RecordContext> byId() {
            Map<String, RecordContext> m = byId;
            if (m == null) {
                m = new HashMap<>();
                for (RecordContext r : records) {
                    if (r.id().isPresent()) {
                        m.putIfAbsent(r.id().get(), r);
                    }
                }
                byId = m;
            }
            return m;
        }
    }

    public static Extraction none() {
        return NONE;
    }

    public static Extraction of(TraceContext parent) {
        return parent == null ? NONE : new Extraction(parent, List.of(), List.of(), false, null);
    }

    /** A parent and links that are not tied to records (no {@link #records()}). */
    public static Extraction of(TraceContext parent, List<TraceContext> links) {
        List<TraceContext> copy = List.copyOf(Objects.requireNonNull(links, "links"));
        return parent == null && copy.isEmpty() ? NONE : new Extraction(parent, copy, List.of(), false, null);
    }

    /**
     * A batch: {@code parent} as the rule's parent policy chose it (or {@code null}), and every record in
     * order; the links are the records' contexts that exist. {@link #none()} when no record has a context
     * and there is no parent.
     */
    public static Extraction ofRecords(TraceContext parent, List<RecordContext> records) {
        return ofRecords(parent, records, false);
    }

    /**
     * {@link #ofRecords(TraceContext, List)}, saying whether the parent is settled: a batch rule whose policy
     * ({@code parent: none}, {@code if-single}, {@code if-same-trace}) decided there is none, so rules composed
     * around it ({@code first:}, the fallback to {@code builtin.default}) keep this result rather than look
     * further for a parent.
     */
    public static Extraction ofRecords(TraceContext parent, List<RecordContext> records, boolean parentSettled) {
        List<RecordContext> copy = List.copyOf(Objects.requireNonNull(records, "records"));
        List<TraceContext> links = new ArrayList<>(copy.size());
        for (RecordContext r : copy) {
            r.context().ifPresent(links::add);
        }
        if (parent == null && links.isEmpty()) {
            return NONE;
        }
        return new Extraction(parent, List.copyOf(links), copy, parent != null || parentSettled, null);
    }

    /** The context the invocation continues. */
    public Optional<TraceContext> parent() {
        return Optional.ofNullable(parent);
    }

    /** One context per batch record that carried one; empty for single events. */
    public List<TraceContext> links() {
        return links;
    }

    /**
     * This extraction with {@code parent} as its parent, the same links and records: what one record's
     * processing sees ({@code parent} = the record's context). Constant time, whatever the batch size.
     */
    public Extraction withParent(TraceContext parent) {
        Objects.requireNonNull(parent, "parent");
        return new Extraction(parent, links, records, true, index);
    }

    /**
     * Every record of a batch in record order, with its identity and its context or none; empty for
     * single events (and for {@link #of(TraceContext, List)}).
     */
    public List<RecordContext> records() {
        return records;
    }

    /**
     * True when this result's parent, present or absent, is final: a parent was found, or a batch rule's
     * policy decided on none. Composed rules stop at a settled result.
     */
    public boolean parentSettled() {
        return parent != null || parentSettled;
    }

    /** The record whose {@code record_id:} is {@code id} (the first, if several share it); empty for none. */
    public Optional<RecordContext> record(String id) {
        return id == null || records.isEmpty() ? Optional.empty() : Optional.ofNullable(index.byId().get(id));
    }

    /** True when some record has an identity, so {@link #record(String)} can find records. */
    public boolean hasRecordIds() {
        return !records.isEmpty() && !index.byId().isEmpty();
    }

    /** True when neither a parent nor any link was found. */
    public boolean isEmpty() {
        return parent == null && links.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extraction
                && Objects.equals(parent, ((Extraction) o).parent)
                && links.equals(((Extraction) o).links)
                && records.equals(((Extraction) o).records)
                && parentSettled == ((Extraction) o).parentSettled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(parent, links, records);
    }

    @Override
    public String toString() {
        return "Extraction{parent=" + parent + ", links=" + links.size()
                + (records.isEmpty() ? "" : ", records=" + records.size()) + "}";
    }
}
