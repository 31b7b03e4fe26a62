package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracex.engine.internal.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XRayCarrierStepTest {
    private static final XRayCarrierStep STEP = new XRayCarrierStep();

    @Test
    void apply_text_wrapsItAsTheXRayHeader() {
        String header = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        assertThat(STEP.apply(TextNode.valueOf(header))).isEqualTo(Json.parseOrNull("{\"x-amzn-trace-id\": \"" + header + "\"}"));
    }

    @Test
    void apply_blankOrNotText_givesNothing() {
        assertThat(STEP.apply(TextNode.valueOf(" "))).isNull();
        assertThat(STEP.apply(IntNode.valueOf(3))).isNull();
    }
}
