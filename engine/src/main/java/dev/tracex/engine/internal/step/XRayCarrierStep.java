package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.internal.json.Json;

/**
 * {@code xray-carrier}: a bare X-Ray header string → the carrier {@code {"x-amzn-trace-id": <string>}},
 * so a {@code headers:} rule decodes it with the {@code xray} style (the full 128-bit root, as
 * OpenTelemetry reads it). Anything but text gives nothing. Internal.
 */
final class XRayCarrierStep implements Step {
    static final String HEADER = "x-amzn-trace-id";

    @Override
    public String name() {
        return "xray-carrier";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (!in.isTextual() || in.textValue().isBlank()) {
            return null;
        }
        ObjectNode o = Json.object();
        o.put(HEADER, in.textValue());
        return o;
    }
}
