package dev.tracex.lambda;

/**
 * What tracex knows of a batch record besides its trace context: its identity (the one the built-in rules'
 * {@code record_id:} reads, and the one partial batch responses name) and, for the per-record OpenTelemetry
 * span, its messaging system and destination (any may be {@code null}).
 */
record RecordMeta(String id, String system, String destination, String partition, Long offset) {
    static RecordMeta of(String id) {
        return new RecordMeta(id, null, null, null, null);
    }

    /** The last part of an ARN after {@code :}, then after {@code marker} if given: a queue, topic, stream or table name. */
    static String nameFromArn(String arn, String marker) {
        if (arn == null || arn.isEmpty()) {
            return null;
        }
        String tail = arn.substring(arn.lastIndexOf(':') + 1);
        if (marker != null) {
            int i = tail.indexOf(marker);
            if (i < 0) {
                return null;
            }
            tail = tail.substring(i + marker.length());
            int slash = tail.indexOf('/');
            tail = slash < 0 ? tail : tail.substring(0, slash);
        }
        return tail.isEmpty() ? null : tail;
    }
}
