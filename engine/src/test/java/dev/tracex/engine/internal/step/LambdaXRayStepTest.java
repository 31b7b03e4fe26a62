package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaXRayStepTest {
    private static final LambdaXRayStep STEP = new LambdaXRayStep();

    @Test
    void apply_sampled_givesLow63BitsAndUserKeep() {
        JsonNode h = STEP.apply(TextNode.valueOf("Root=1-5e272390-8c398be037738dc042009320;Parent=94ae789b969f1cc5;Sampled=1"));
        // Last 16 hex 37738dc042009320: bit 63 already clear.
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo(Long.toString(0x37738dc042009320L));
        assertThat(h.get("x-datadog-parent-id").asText()).isEqualTo(Long.toUnsignedString(0x94ae789b969f1cc5L));
        assertThat(h.get("x-datadog-sampling-priority").asText()).isEqualTo("2");
    }

    @Test
    void apply_highBitSetAndNotSampled_clearsBit63AndGivesUserReject() {
        JsonNode h = STEP.apply(TextNode.valueOf("Root=1-5e272390-8c398be0f7738dc042009320;Parent=94ae789b969f1cc5;Sampled=0"));
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo(Long.toString(0x77738dc042009320L));
        assertThat(h.get("x-datadog-sampling-priority").asText()).isEqualTo("-1");
    }

    @Test
    void apply_lineageAndSelfFields_areIgnored() {
        JsonNode h = STEP.apply(TextNode.valueOf(
                "Self=1-67891234-12456789abcdef012345678;Root=1-5e272390-8c398be037738dc042009320;Parent=94ae789b969f1cc5;Sampled=1;Lineage=a87bd80c:1|68fd508a:5"));
        assertThat(h.get("x-datadog-trace-id").asText()).isEqualTo(Long.toString(0x37738dc042009320L));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Root=1-5e272390-8c398be037738dc042009320;Sampled=1",
            "Root=1-5e272390-8c398be0800000000000000;Parent=94ae789b969f1cc5",
            "Root=1-5e272390-8c398be08000000000000000;Parent=94ae789b969f1cc5",   // only bit 63 set: zero once cleared
            "Root=1-5e272390-8c398be0zz738dc042009320;Parent=94ae789b969f1cc5",
            "Parent=94ae789b969f1cc5;Sampled=1",
    })
    void apply_malformed_givesNothing(String header) {
        assertThat(STEP.apply(TextNode.valueOf(header))).isNull();
    }
}
