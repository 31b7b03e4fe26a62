package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.ids.Hex;
import dev.tracex.engine.ids.Ids;
import dev.tracex.engine.internal.json.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@code stepfunctions}: a Step Functions context object ({@code Execution.Id}, {@code State.Name},
 * {@code State.EnteredTime}, optional {@code State.RetryCount}, {@code Execution.RedriveCount},
 * {@code RootExecutionId}) → Datadog headers with the ids Datadog's Lambda libraries and extension derive
 * from it, so a Lambda task joins the trace of its state machine.
 *
 * <p>An id is 8 bytes of a SHA-256 hash of UTF-8 text, read big-endian, bit 63 cleared, 1 if zero. The
 * parent id comes from bytes 0..8 of the hash of {@code "<Execution.Id>#<State.Name>#<State.EnteredTime>"},
 * with {@code "#<RetryCount>#<RedriveCount>"} appended only when either is non-zero (older layers hashed
 * without them). The trace id comes from bytes 8..16 of the hash of {@code RootExecutionId} (else
 * {@code Execution.Id}), its upper half ({@code _dd.p.tid}) from bytes 0..8 of the same hash; but when
 * the object carries {@code x-datadog-trace-id} (the execution was started by a traced Lambda), that
 * trace id and its {@code x-datadog-tags} are kept; so is the trace id (and {@code _dd.p.tid}) in
 * {@code Execution.Input._datadog}, the older shape of that case, as Datadog's Node library reads it.
 * Priority 1, origin {@code states}.
 *
 * <p>An object without the three required text fields gives nothing. Internal.
 */
final class StepFunctionsStep implements Step {
    private static final String ORIGIN = "states";
    private static final int AUTO_KEEP = 1;

    @Override
    public String name() {
        return "stepfunctions";
    }

    @Override
    public JsonNode apply(JsonNode in) {
        if (in != null && in.isTextual() && cannotHoldExecution(in.textValue())) {
            return null;
        }
        JsonNode ctx = DatadogHeaders.object(in);
        if (ctx == null) {
            return null;
        }
        JsonNode execution = ctx.get("Execution");
        JsonNode state = ctx.get("State");
        String executionId = DatadogHeaders.text(execution == null ? null : execution.get("Id"));
        String stateName = DatadogHeaders.text(state == null ? null : state.get("Name"));
        String enteredTime = DatadogHeaders.text(state == null ? null : state.get("EnteredTime"));
        if (executionId == null || stateName == null || enteredTime == null) {
            return null;
        }
        long retries = count(state.get("RetryCount"));
        long redrives = count(execution.get("RedriveCount"));
        String parentText = executionId + "#" + stateName + "#" + enteredTime
                + (retries != 0 || redrives != 0 ? "#" + retries + "#" + redrives : "");
        long parentId = id(sha256(parentText), 0);

        ObjectNode out = Json.object();
        JsonNode upstreamTraceId = ctx.get(DatadogHeaders.TRACE_ID);
        if (upstreamTraceId != null && upstreamTraceId.isValueNode() && !upstreamTraceId.isNull()) {
            out.put(DatadogHeaders.TRACE_ID, upstreamTraceId.asText());
            String tags = DatadogHeaders.text(ctx.get(DatadogHeaders.TAGS));
            if (tags != null) {
                out.put(DatadogHeaders.TAGS, tags);
            }
        } else if (inputDatadog(ctx, execution, out)) {
            // out holds the trace id (and _dd.p.tid) of the Lambda that started the execution
        } else {
            String root = DatadogHeaders.text(ctx.get("RootExecutionId"));
            byte[] hash = sha256(root != null ? root : executionId);
            out.put(DatadogHeaders.TRACE_ID, Long.toUnsignedString(id(hash, 8)));
            out.put(DatadogHeaders.TAGS, "_dd.p.tid=" + Hex.of64(id(hash, 0)));
        }
        out.put(DatadogHeaders.PARENT_ID, Long.toUnsignedString(parentId));
        out.put(DatadogHeaders.SAMPLING_PRIORITY, Integer.toString(AUTO_KEEP));
        out.put(DatadogHeaders.ORIGIN, ORIGIN);
        return out;
    }

    /**
     * The older shape of a Lambda-started execution: the starting Lambda's headers in
     * {@code Execution.Input._datadog} (an object with text {@code x-datadog-trace-id} and
     * {@code x-datadog-tags}), read only outside Datadog's v1 template ({@code serverless-version} {@code v1}),
     * as Datadog's Node library reads it: that trace id and its {@code _dd.p.tid} are kept. True when found.
     */
    private static boolean inputDatadog(JsonNode ctx, JsonNode execution, ObjectNode out) {
        if ("v1".equals(DatadogHeaders.text(ctx.get("serverless-version")))) {
            return false;
        }
        JsonNode input = execution.get("Input");
        JsonNode dd = input != null && input.isObject() ? input.get("_datadog") : null;
        if (dd == null || !dd.isObject()) {
            return false;
        }
        JsonNode traceId = dd.get(DatadogHeaders.TRACE_ID);
        JsonNode tags = dd.get(DatadogHeaders.TAGS);
        if (traceId == null || !traceId.isTextual() || tags == null || !tags.isTextual()) {
            return false;
        }
        out.put(DatadogHeaders.TRACE_ID, traceId.textValue());
        for (String tag : tags.textValue().split(",")) {
            if (tag.startsWith("_dd.p.tid=")) {
                out.put(DatadogHeaders.TAGS, tag);
                break;
            }
        }
        return true;
    }

    /**
     * True when JSON text cannot decode to an object with an {@code Execution} key: the name is not in it
     * and there is no escape that could spell it. Saves parsing text that is only headers (an SQS
     * {@code _datadog} attribute, which {@code builtin.sqs} tries as Step Functions first) twice.
     */
    private static boolean cannotHoldExecution(String text) {
        return text.indexOf('\\') < 0 && !text.contains("Execution");
    }

    /** A retry or redrive count: a non-negative integer, as a number or digits; anything else counts as 0. */
    private static long count(JsonNode v) {
        if (v == null) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Math.max(0, v.longValue());
        }
        return v.isTextual() ? Ids.decimal(v.textValue()) : 0;
    }

    /** Bytes {@code from..from+8} of {@code hash}, big-endian, bit 63 cleared, 1 if zero. */
    static long id(byte[] hash, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (hash[i] & 0xFF);
        }
        v &= Long.MAX_VALUE;
        return v == 0 ? 1 : v;
    }

    private static byte[] sha256(String text) {
        try {
            // MessageDigest is not thread-safe; a fresh one per call costs far less than the hash itself.
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
