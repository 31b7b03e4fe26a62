package dev.tracex.lambda.internal.handoff;

/**
 * What tracex knows of a batch record besides its trace context: its identity (the one the built-in rules'
 * {@code record_id:} reads, and the one partial batch responses name) and, for the per-record OpenTelemetry
 * span, its messaging system and destination (any may be {@code null}).
 */
public record RecordMeta(String id, String system, String destination, String partition, Long offset) {
    public static RecordMeta of(String id) {
        return new RecordMeta(id, null, null, null, null);
    }

    /**
     * The name in an ARN's resource part ({@code arn:partition:service:region:account:resource}): the whole
     * resource (an SQS queue, an SNS topic), or, after {@code marker}, up to the next {@code /} (a Kinesis
     * {@code stream/<name>}, a DynamoDB {@code table/<name>/stream/<time>}); {@code null} when absent.
     */
    public static String nameFromArn(String arn, String marker) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || parts[5].isEmpty()) {
            return null;
        }
        String resource = parts[5];
        if (marker != null) {
            if (!resource.startsWith(marker)) {
                return null;
            }
            resource = resource.substring(marker.length());
            int slash = resource.indexOf('/');
            resource = slash < 0 ? resource : resource.substring(0, slash);
        }
        return resource.isEmpty() ? null : resource;
    }
}
