package dev.tracex.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * One record of a batch event as an extraction saw it: its position, its identity (when the rule
 * declares {@code record_id:}) and its context, if it carried one.
 *
 * <p>Immutable. Identities are the ones AWS gives the record: SQS {@code messageId}, SNS
 * {@code Sns.MessageId}, Kinesis {@code kinesis.sequenceNumber}, DynamoDB {@code eventID}, Kafka
 * {@code <topic>-<partition>@<offset>}, so a record of a typed event can be matched to its context:
 * <pre>{@code
 * Map<String, TraceContext> byId = new HashMap<>();
 * for (RecordContext r : extraction.records()) {
 *     r.context().ifPresent(c -> r.id().ifPresent(id -> byId.put(id, c)));
 * }
 * TraceContext forThisMessage = byId.get(message.getMessageId());
 * }</pre>
 */
public final class RecordContext {
    private final int index;
    private final String id;
    private final TraceContext context;

    private RecordContext(int index, String id, TraceContext context) {
        this.index = index;
        this.id = id;
        this.context = context;
    }

    /**
     * @param index   the record's position among the records the rule's {@code each:} path matched, from 0
     * @param id      its identity, or {@code null} when the rule declares none or the record lacks it
     * @param context its context, or {@code null} when it carried none
     */
    public static RecordContext of(int index, String id, TraceContext context) {
        if (index < 0) {
            throw new IllegalArgumentException("index < 0: " + index);
        }
        return new RecordContext(index, id, context);
    }

    /** The record's position in the batch, from 0. */
    public int index() {
        return index;
    }

    /** The record's identity, as the rule's {@code record_id:} reads it. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The context the record carried. */
    public Optional<TraceContext> context() {
        return Optional.ofNullable(context);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordContext
                && index == ((RecordContext) o).index
                && Objects.equals(id, ((RecordContext) o).id)
                && Objects.equals(context, ((RecordContext) o).context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, context);
    }

    @Override
    public String toString() {
        return "Record{" + index + (id == null ? "" : ", id=" + id) + ", " + (context == null ? "no context" : context) + "}";
    }
}
