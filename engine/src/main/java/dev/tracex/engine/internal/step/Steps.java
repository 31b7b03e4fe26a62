package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.internal.json.Json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/** The registry of pipeline steps, by the name a rule uses. Internal: may change without notice. */
public final class Steps {
    /**
     * The most a {@code gzip} step will inflate: Lambda's largest synchronous payload is 6 MB, so
     * anything bigger is a decompression bomb, not a trace carrier.
     */
    static final int MAX_INFLATED_BYTES = 6 * 1024 * 1024;

    /** Every step's name, in the order error messages list them. */
    static final List<String> NAMES = List.of("json", "base64", "gzip", "text", "lowercase-keys", "stepfunctions",
            "aws-trace-header", "lambda-xray", "xray-carrier", "apigw-authorizer", "message-attributes", "bytes",
            "kafka-headers", "dynamodb-json", "durable-checkpoint");

    private static final Map<String, Step> MADE = new ConcurrentHashMap<>();

    private Steps() {
    }

    /**
     * The step called {@code name}, or {@code null}. Made on first use, so a rules file loads only the classes of
     * the steps it names (some 20 classes for all of them, 7 ms of a cold start under C1).
     */
    public static Step byName(String name) {
        if (name == null || !NAMES.contains(name)) {
            return null;
        }
        Step made = MADE.get(name);
        if (made == null) {
            MADE.putIfAbsent(name, make(name));
            made = MADE.get(name);
        }
        return made;
    }

    public static String known() {
        return String.join(", ", NAMES);
    }

    private static Step make(String name) {
        switch (name) {
            case "json":
                return new JsonStep();
            case "base64":
                return new Base64Step();
            case "gzip":
                return new GzipStep();
            case "text":
                return new TextStep();
            case "lowercase-keys":
                return new LowercaseKeysStep();
            case "stepfunctions":
                return new StepFunctionsStep();
            case "aws-trace-header":
                return new AwsTraceHeaderStep();
            case "lambda-xray":
                return new LambdaXRayStep();
            case "xray-carrier":
                return new XRayCarrierStep();
            case "apigw-authorizer":
                return new ApiGatewayAuthorizerStep();
            case "message-attributes":
                return new MessageAttributesStep();
            case "bytes":
                return new BytesStep();
            case "kafka-headers":
                return new KafkaHeadersStep();
            case "dynamodb-json":
                return new DynamoDbJsonStep();
            case "durable-checkpoint":
                return new DurableCheckpointStep();
            default:
                throw new IllegalArgumentException("no step " + name);
        }
    }

    /** Text or bytes holding JSON → the decoded value; an object or array passes through. */
    static final class JsonStep implements Step {
        @Override
        public String name() {
            return "json";
        }

        @Override
        public boolean decodes() {
            return true;
        }

        @Override
        public JsonNode apply(JsonNode in) {
            if (in.isTextual()) {
                return Json.parseOrNull(in.textValue());
            }
            if (in.isBinary()) {
                return Json.parseOrNull(((BinaryNode) in).binaryValue());
            }
            return in.isContainerNode() ? in : null;
        }
    }

    /** Base64 text (standard or URL-safe alphabet, padding optional, line breaks allowed) → bytes. */
    static final class Base64Step implements Step {
        @Override
        public String name() {
            return "base64";
        }

        @Override
        public boolean decodes() {
            return true;
        }

        @Override
        public JsonNode apply(JsonNode in) {
            if (!in.isTextual()) {
                return in.isBinary() ? in : null;
            }
            String text = in.textValue();
            try {
                if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
                    return BinaryNode.valueOf(Base64.getUrlDecoder().decode(stripWhitespace(text)));
                }
                return BinaryNode.valueOf(Base64.getMimeDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static String stripWhitespace(String s) {
            StringBuilder b = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    b.append(s.charAt(i));
                }
            }
            return b.toString();
        }
    }

    /** Gzip bytes → the inflated bytes, at most {@link #MAX_INFLATED_BYTES}. */
    static final class GzipStep implements Step {
        @Override
        public String name() {
            return "gzip";
        }

        @Override
        public boolean decodes() {
            return true;
        }

        @Override
        public JsonNode apply(JsonNode in) {
            if (!in.isBinary()) {
                return null;
            }
            try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(((BinaryNode) in).binaryValue()))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int total = 0;
                for (int n; (n = gz.read(buf)) > 0; ) {
                    total += n;
                    if (total > MAX_INFLATED_BYTES) {
                        return null;
                    }
                    out.write(buf, 0, n);
                }
                return BinaryNode.valueOf(out.toByteArray());
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Bytes → UTF-8 text (invalid UTF-8 gives nothing); text passes through. */
    static final class TextStep implements Step {
        @Override
        public String name() {
            return "text";
        }

        @Override
        public JsonNode apply(JsonNode in) {
            if (in.isTextual()) {
                return in;
            }
            if (!in.isBinary()) {
                return null;
            }
            try {
                return TextNode.valueOf(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(((BinaryNode) in).binaryValue()))
                        .toString());
            } catch (CharacterCodingException e) {
                return null;
            }
        }
    }

    /** An object → the same object with lowercase keys (the first of two keys differing in case wins). */
    static final class LowercaseKeysStep implements Step {
        @Override
        public String name() {
            return "lowercase-keys";
        }

        @Override
        public JsonNode apply(JsonNode in) {
            JsonNode obj = in.isTextual() ? DecodedDocuments.embedded(in) : in;
            if (obj == null || !obj.isObject()) {
                return null;
            }
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey().toLowerCase(Locale.ROOT);
                if (!out.has(key)) {
                    out.set(key, e.getValue());
                }
            }
            return out;
        }
    }
}
