package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AwsTraceHeaderStepTest {
    private static final AwsTraceHeaderStep STEP = new AwsTraceHeaderStep();

    @Test
    void apply_datadogPaddedRoot_givesDecimalIdsAndSampledPriority() {
        JsonNode h = STEP.apply(TextNode.valueOf("Root=1-68029e8a-0000000035578e774943fd9d;Parent=76c040bdc454a7ac;Sampled=1"));
        // The values Datadog's extension asserts for this header: 0x35578e774943fd9d and 0x76c040bdc454a7ac.
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo(Long.toUnsignedString(0x35578e774943fd9dL));
        assertThat(h.get("x-datadog-parent-id").asText()).isEqualTo(Long.toUnsignedString(0x76c040bdc454a7acL));
        assertThat(h.get("x-datadog-sampling-priority").asText()).isEqualTo("1");
    }

    @Test
    void apply_fieldsInAnyOrderAndSampledZero_givesPriorityZero() {
        JsonNode h = STEP.apply(TextNode.valueOf("Sampled=0; Parent=00000000000000ff ;Root=1-68029e8a-00000000ffffffffffffffff"));
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo("18446744073709551615");
        assertThat(h.get("x-datadog-parent-id").asText()).isEqualTo("255");
        assertThat(h.get("x-datadog-sampling-priority").asText()).isEqualTo("0");
    }

    @Test
    void apply_noSampledField_leavesPriorityAbsent() {
        JsonNode h = STEP.apply(TextNode.valueOf("Root=1-68029e8a-0000000035578e774943fd9d;Parent=76c040bdc454a7ac"));
        assertThat(h.has("x-datadog-sampling-priority")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",  // X-Ray's own root
            "Root=1-68029e8a-0000000035578e774943fd9d;Sampled=1",                            // no parent
            "Root=1-68029e8a-0000000035578e774943fd9d;Parent=76c040bd;Sampled=1",            // short parent
            "Root=1-68029e8a-00000000000000000000000;Parent=76c040bdc454a7ac",               // short root
            "Root=1-68029e8a-000000000000000000000000;Parent=76c040bdc454a7ac",              // zero trace id
            "Root=1-68029e8a-0000000035578e774943fd9d;Parent=0000000000000000",              // zero parent
            "Root=2-68029e8a-0000000035578e774943fd9d;Parent=76c040bdc454a7ac",              // unknown version
            "",
    })
    void apply_notDatadogsForm_givesNothing(String header) {
        assertThat(STEP.apply(TextNode.valueOf(header))).isNull();
    }

    @Test
    void apply_notText_givesNothing() {
        assertThat(STEP.apply(IntNode.valueOf(1))).isNull();
    }
}
