package dev.tracex.lambda.internal.handoff;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * {@code tracex.extractions} as a CloudWatch Embedded Metric Format document, one per invocation, written as one
 * event of the runtime's log stream: CloudWatch Logs turns it into the metric, namespace {@value #NAMESPACE},
 * dimensions {@code rule} and {@code outcome}, unit {@code Count}. The members the specification requires:
 * {@code _aws.Timestamp} (ms since the epoch), {@code _aws.CloudWatchMetrics[].Namespace}, {@code .Dimensions} (arrays
 * of names of root members with string values), {@code .Metrics[].Name} (a root member with a number); see
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html.
 */
final class EmfCounter implements ExtractionMetrics.Sink {
    static final String NAMESPACE = "tracex";

    /**
     * The runtime's log stream, one frame (one CloudWatch event) per document, the bytes as written; outside a
     * Lambda runtime its stand-in prints them on standard output. Bytes, never a {@code String}: under
     * {@code AWS_LAMBDA_LOG_FORMAT=JSON} the runtime client wraps a {@code String} into its own JSON line (the document
     * would become its {@code "message"}, and CloudWatch would extract no metric), bytes it frames unchanged; and at
     * level {@code UNDEFINED}, which it never filters out whatever {@code AWS_LAMBDA_LOG_LEVEL} says.
     */
    static final Consumer<String> RUNTIME_LOG = line -> LambdaRuntime.getLogger().log(line.getBytes(StandardCharsets.UTF_8), LogLevel.UNDEFINED);

    private final Consumer<String> out;

    EmfCounter(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void record(ExtractionOutcome outcome) {
        out.accept(document(outcome, System.currentTimeMillis()));
    }

    /** The document for {@code o} at {@code epochMillis}, one line. */
    static String document(ExtractionOutcome o, long epochMillis) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"_aws\":{\"Timestamp\":").append(epochMillis)
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":[[\"rule\",\"outcome\"]],\"Metrics\":[{\"Name\":\"")
                .append(ExtractionMetrics.NAME).append("\",\"Unit\":\"Count\"}]}]},\"rule\":\"");
        JsonStringEncoder.getInstance().quoteAsString(o.rule(), b);
        b.append("\",\"outcome\":\"").append(o.outcome()).append("\",\"")
                .append(ExtractionMetrics.NAME).append("\":1}\n");
        return b.toString();
    }
}
