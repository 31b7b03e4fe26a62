package dev.tracex.cli.internal.suggest;

import dev.tracex.cli.internal.location.EventPath;

import java.util.ArrayList;
import java.util.List;

/**
 * A place the search found that may carry a context, and the body of the rule that would read it. Only a candidate
 * the engine confirms (its rule finds a context in the event) becomes a {@link Proposal}.
 *
 * @param kind   what the place holds
 * @param route  the pipeline to it (for {@link CarrierKind#FIELDS}, to the trace id)
 * @param header for {@link CarrierKind#SINGLE_HEADER}, the header its value is; else {@code null}
 * @param parent for {@link CarrierKind#FIELDS}, the pipeline to the parent id; else {@code null}
 * @param hex    for {@link CarrierKind#FIELDS}, whether the ids are hex ({@code id_format: hex})
 */
record Candidate(CarrierKind kind, Route route, String header, Route parent, boolean hex) {
    static Candidate of(CarrierKind kind, Route route) {
        return new Candidate(kind, route, null, null, false);
    }

    static Candidate singleHeader(String header, Route route) {
        return new Candidate(CarrierKind.SINGLE_HEADER, route, header, null, false);
    }

    static Candidate fields(Route traceId, Route parentId, boolean hex) {
        return new Candidate(CarrierKind.FIELDS, traceId, null, parentId, hex);
    }

    /** The rule's keys, one YAML line each, unindented (nested keys indented by two). */
    List<String> body() {
        return switch (kind) {
            case DURABLE_CHECKPOINT -> headersThrough("durable-checkpoint");
            case HEADERS -> List.of("headers: " + YamlText.scalar(route.toString()));
            case MESSAGE_ATTRIBUTES -> headersThrough("message-attributes");
            case KAFKA_HEADERS -> headersThrough("kafka-headers");
            case DYNAMODB -> headersThrough("dynamodb-json");
            case STEP_FUNCTIONS -> styled(headersThrough("stepfunctions"), "datadog");
            case AWS_TRACE_HEADER -> styled(headersThrough("aws-trace-header"), "datadog");
            case XRAY_HEADER -> styled(headersThrough("xray-carrier"), "xray");
            case SINGLE_HEADER -> List.of("headers:", "  " + header + ": " + YamlText.scalar(route.toString()));
            case FIELDS -> {
                List<String> lines = new ArrayList<>(List.of("fields:", "  trace_id: " + YamlText.scalar(route.toString()),
                        "  parent_id: " + YamlText.scalar(parent.toString())));
                if (hex) {
                    lines.add("id_format: hex");
                }
                yield lines;
            }
        };
    }

    private List<String> headersThrough(String step) {
        return List.of("headers: " + YamlText.scalar(route.then(step).toString()));
    }

    private static List<String> styled(List<String> lines, String style) {
        List<String> out = new ArrayList<>(lines);
        out.add("styles: [" + style + "]");
        return out;
    }

    /** The paths in the event the rule reads, each whole: what an example needs to keep of the event. */
    List<EventPath> reads() {
        return parent == null ? List.of(route.raw()) : List.of(route.raw(), parent.raw());
    }

    /** The routes, for ranking and names. */
    List<Route> routes() {
        return parent == null ? List.of(route) : List.of(route, parent);
    }
}
