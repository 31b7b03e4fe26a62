package dev.tracex.cli.internal.suggest;

/** The kinds of place a context can be carried in, best first: the order proposals of equal merit are listed in. */
enum CarrierKind {
    /** A durable execution's operations, the latest {@code _datadog_<N>} checkpoint read (before older ones, which hold headers too). */
    DURABLE_CHECKPOINT("the checkpoints of a durable execution"),
    /** An object of propagation headers, read as it is. */
    HEADERS("propagation headers"),
    /** SQS or SNS message attributes named after propagation headers (OpenTelemetry's). */
    MESSAGE_ATTRIBUTES("message attributes named after propagation headers"),
    /** A Kafka record's headers, values as byte arrays. */
    KAFKA_HEADERS("Kafka record headers"),
    /** A DynamoDB typed map or item holding propagation headers. */
    DYNAMODB("a DynamoDB typed map of propagation headers"),
    /** A Step Functions context object, Datadog's ids derived from it. */
    STEP_FUNCTIONS("a Step Functions context object"),
    /** An X-Ray header whose root holds a Datadog trace id (what Datadog's tracers write to AWSTraceHeader). */
    AWS_TRACE_HEADER("an X-Ray header written by a Datadog tracer"),
    /** An X-Ray header, read as X-Ray's own 128-bit id. */
    XRAY_HEADER("an X-Ray trace header"),
    /** One header's value on its own (a traceparent, a b3), under a name of the producer's choosing. */
    SINGLE_HEADER("a lone propagation header value"),
    /** The trace and parent ids in fields of their own, found where the given ids appear. */
    FIELDS("the given ids, in fields of their own");

    private final String phrase;

    CarrierKind(String phrase) {
        this.phrase = phrase;
    }

    /** What the place holds, in words, for a proposal's title. */
    String phrase() {
        return phrase;
    }
}
