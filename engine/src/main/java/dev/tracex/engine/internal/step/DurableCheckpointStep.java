package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code durable-checkpoint}: a Lambda durable execution's {@code InitialExecutionState.Operations} → the
 * trace headers the Datadog tracer saved in its latest checkpoint: of the operations named
 * {@code _datadog_<N>} ({@code N} a canonical integer), the one with the highest {@code N}, its
 * {@code Payload}, else its {@code StepDetails.Result} (JSON text of headers), as Datadog's Node library
 * reads them. No such operation, or one without text there, gives nothing. Internal.
 */
final class DurableCheckpointStep implements Step {
    static final String PREFIX = "_datadog_";

    @Override
    public String name() {
        return "durable-checkpoint";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (!in.isArray()) {
            return null;
        }
        JsonNode best = null;
        long bestNumber = 0;
        for (JsonNode op : in) {
            JsonNode name = op.get("Name");
            Long n = name != null && name.isTextual() ? checkpointNumber(name.textValue()) : null;
            if (n != null && (best == null || n > bestNumber)) {
                best = op;
                bestNumber = n;
            }
        }
        if (best == null) {
            return null;
        }
        // The Node library takes Payload ?? StepDetails.Result: a Payload present (even empty) wins.
        JsonNode raw = best.get("Payload");
        if (raw == null || raw.isNull()) {
            JsonNode details = best.get("StepDetails");
            raw = details != null ? details.get("Result") : null;
        }
        return raw != null && raw.isTextual() && !raw.textValue().isEmpty() ? raw : null;
    }

    /** {@code N} of {@code _datadog_<N>} when it is written canonically ({@code 0}, {@code 12}, {@code -1}; not {@code 01}, {@code +1}), else {@code null}. */
    static Long checkpointNumber(String name) {
        if (!name.startsWith(PREFIX)) {
            return null;
        }
        String suffix = name.substring(PREFIX.length());
        int digits = suffix.startsWith("-") ? 1 : 0;
        if (suffix.length() == digits || suffix.length() - digits > 15) {
            return null; // beyond 15 digits JavaScript's numbers are no longer exact
        }
        for (int i = digits; i < suffix.length(); i++) {
            if (suffix.charAt(i) < '0' || suffix.charAt(i) > '9') {
                return null;
            }
        }
        if (suffix.charAt(digits) == '0' && (suffix.length() - digits > 1 || digits == 1)) {
            return null; // leading zero, or -0
        }
        return Long.parseLong(suffix);
    }
}
