package dev.tracex.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The playground's built-in sample events: one real event of every AWS source the built-in rules read, copies of
 * the rules module's test fixtures (PlaygroundSamplesTest keeps them equal), shipped in the tool.
 */
final class PlaygroundSamples {
    static final List<String> NAMES = List.of(
            "sqs_event.json", "sqs_binary_event.json", "sqs_aws_trace_header_event.json", "sns_event.json", "sns_sqs_event.json",
            "eventbridge_event.json", "eventbridge_sqs_event.json", "kinesis_event.json", "apigw_v1_event.json",
            "apigw_v1_authorizer_event.json", "apigw_v2_event.json", "apigw_v2_authorizer_event.json", "alb_event.json",
            "alb_multivalue_event.json", "function_url_event.json", "websocket_event.json", "appsync_event.json",
            "stepfunctions_event.json", "stepfunctions_payload_event.json", "custom_payload_event.json");

    static final String FOLDER = "/dev/tracex/cli/playground/events/";

    private PlaygroundSamples() {
    }

    /** The sample's bytes, or {@code null} when {@code name} is not one of {@link #NAMES}. */
    static byte[] read(String name) throws IOException {
        if (!NAMES.contains(name)) {
            return null;
        }
        try (InputStream in = PlaygroundSamples.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IOException("sample " + name + " missing from the tool's resources");
            }
            return in.readAllBytes();
        }
    }
}
