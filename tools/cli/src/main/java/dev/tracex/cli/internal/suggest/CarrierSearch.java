package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks an event and everything encoded in it (JSON in strings, base64, gzip, byte arrays) for the places a
 * context may be carried, and for the places given ids appear. It only proposes: each candidate is tried on the
 * event by the engine before it is shown ({@link Suggester}), so a false lead costs a little time, never a wrong
 * rule; what it must not do is miss a carrier, so it looks everywhere, decoded values included.
 */
final class CarrierSearch {
    /** The headers whose presence marks a carrier; names are matched case-insensitively, as the engine reads them. */
    static final Set<String> HEADER_NAMES = Set.of("x-datadog-trace-id", "x-datadog-parent-id", "traceparent", "b3",
            "x-b3-traceid", "x-b3-spanid", "x-amzn-trace-id");
    private static final Set<String> DYNAMODB_TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    private static final Set<String> ATTRIBUTE_TYPE_KEYS = Set.of("dataType", "DataType", "Type");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}.*");
    private static final Pattern B3_SINGLE = Pattern.compile("([0-9a-f]{16}|[0-9a-f]{32})-[0-9a-f]{16}(-[01d](-[0-9a-f]{16})?)?");
    private static final Pattern XRAY = Pattern.compile("(?i).*\\bRoot=1-[0-9a-f]{8}-[0-9a-f]{24}\\b.*");
    private static final Pattern XRAY_DATADOG_ROOT = Pattern.compile("(?i).*\\bRoot=1-[0-9a-f]{8}-00000000[0-9a-f]{16}\\b.*");
    /** A Datadog tracer's checkpoint among a durable execution's operations. */
    private static final Pattern CHECKPOINT = Pattern.compile("_datadog_[0-9]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]{12,}={0,2}");
    /** Deeper than any event; a bound on decoding a value that decodes into itself forever. */
    private static final int MAX_DEPTH = 64;

    private final List<IdForms> ids;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<IdPlace> idPlaces = new ArrayList<>();
    /** The maps inside typed {@code {"M": ...}} values already proposed: not proposed again as typed items. */
    private final Set<JsonNode> typedMaps = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private CarrierSearch(List<IdForms> ids) {
        this.ids = ids;
    }

    /** The search's findings: candidates in document order, and where each given id appears. */
    record Findings(List<Candidate> candidates, List<IdPlace> idPlaces) {
    }

    static Findings search(JsonNode event, List<IdForms> ids) {
        CarrierSearch s = new CarrierSearch(ids);
        s.visit(event, Route.root(), 0, false);
        return new Findings(List.copyOf(s.candidates), List.copyOf(s.idPlaces));
    }

    /**
     * @param covered the value of a header in an object already proposed as a carrier: looked at for ids only, not
     *                proposed again as a lone header
     */
    private void visit(JsonNode node, Route route, int depth, boolean covered) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isObject()) {
            visitObject(node, route, depth, covered);
        } else if (node.isArray()) {
            visitArray(node, route, depth, covered);
        } else if (node.isTextual()) {
            visitText(node.textValue(), route, depth, covered);
        } else if (node.isIntegralNumber()) {
            idsIn(node.bigIntegerValue().toString(), route, true);
        }
    }

    private void visitObject(JsonNode node, Route route, int depth, boolean covered) {
        boolean headers = hasHeaderName(node.fieldNames());
        if (headers) {
            candidates.add(Candidate.of(CarrierKind.HEADERS, route));
        }
        boolean attributes = isMessageAttributes(node);
        if (attributes) {
            candidates.add(Candidate.of(CarrierKind.MESSAGE_ATTRIBUTES, route));
        }
        boolean typedHeaders = isDynamoDbHeaders(node) && !typedMaps.contains(node);
        if (typedHeaders) {
            candidates.add(Candidate.of(CarrierKind.DYNAMODB, route));
            if (node.path("M").isObject()) {
                typedMaps.add(node.get("M")); // the map's item inside it is the same carrier
            }
        }
        if (node.path("Execution").has("Id") && node.path("State").isObject()) {
            candidates.add(Candidate.of(CarrierKind.STEP_FUNCTIONS, route));
        }
        if (isKafkaHeaders(node)) {
            candidates.add(Candidate.of(CarrierKind.KAFKA_HEADERS, route));
        }
        // A header's value inside a carrier proposed here, or inside the wrapper of such a value (a DynamoDB typed
        // value, a message attribute), is read by that carrier's rule: not proposed again as a lone header.
        boolean carrier = headers || attributes || typedHeaders || typedMaps.contains(node);
        boolean wrapper = isTypedValue(node) || ATTRIBUTE_TYPE_KEYS.stream().anyMatch(node::has);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            boolean isHeader = HEADER_NAMES.contains(field.getKey().toLowerCase(Locale.ROOT));
            visit(field.getValue(), route.key(field.getKey()), depth + 1, carrier && isHeader || wrapper && covered);
        }
    }

    private static boolean isTypedValue(JsonNode node) {
        return node.size() == 1 && DYNAMODB_TYPES.contains(node.fieldNames().next());
    }

    private void visitArray(JsonNode node, Route route, int depth, boolean covered) {
        if (isKafkaHeaders(node)) {
            candidates.add(Candidate.of(CarrierKind.KAFKA_HEADERS, route));
        }
        for (JsonNode item : node) {
            if (CHECKPOINT.matcher(item.path("Name").asText("")).matches()) {
                candidates.add(Candidate.of(CarrierKind.DURABLE_CHECKPOINT, route));
                break;
            }
        }
        // Two bytes at least: a lone small number in a list is more likely a count than text.
        byte[] bytes = Decoding.bytes(node, 2);
        if (bytes != null) {
            visitBytes(bytes, route.then("bytes"), depth, covered);
            return; // its items are byte values, nothing more
        }
        for (int i = 0; i < node.size(); i++) {
            visit(node.get(i), route.index(i), depth + 1, false);
        }
    }

    private void visitText(String text, Route route, int depth, boolean covered) {
        idsIn(text, route, false);
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            JsonNode decoded = EventJson.readOrNull(t);
            if (decoded != null && decoded.isContainerNode()) {
                visit(decoded, route.then("json"), depth + 1, false);
                return;
            }
        }
        if (!covered) {
            headerValue(t, route);
        }
        if (BASE64.matcher(t).matches()) {
            byte[] bytes = Decoding.base64(t);
            if (bytes != null) {
                visitBytes(bytes, route.then("base64"), depth, covered);
            }
        }
    }

    /** Decoded bytes: inflated if gzip, then JSON, else text (a header value, or ids). */
    private void visitBytes(byte[] bytes, Route route, int depth, boolean covered) {
        if (Decoding.isGzip(bytes)) {
            byte[] inflated = Decoding.gunzip(bytes);
            if (inflated != null) {
                visitBytes(inflated, route.then("gzip"), depth + 1, covered);
            }
            return;
        }
        JsonNode json = Decoding.looksLikeJson(bytes) ? EventJson.readOrNull(bytes) : null;
        if (json != null && json.isContainerNode()) {
            visit(json, route.then("json"), depth + 1, false);
            return;
        }
        String text = Decoding.utf8(bytes);
        if (text != null && !text.isBlank()) {
            Route asText = route.then("text");
            idsIn(text, asText, false);
            if (!covered) {
                headerValue(text.strip(), asText);
            }
        }
    }

    /** A lone header value: a traceparent, a b3, an X-Ray header, under whatever name the producer gave it. */
    private void headerValue(String t, Route route) {
        if (TRACEPARENT.matcher(t).matches()) {
            candidates.add(Candidate.singleHeader("traceparent", route));
        } else if (B3_SINGLE.matcher(t).matches()) {
            candidates.add(Candidate.singleHeader("b3", route));
        } else if (XRAY.matcher(t).matches()) {
            if (XRAY_DATADOG_ROOT.matcher(t).matches()) {
                candidates.add(Candidate.of(CarrierKind.AWS_TRACE_HEADER, route));
            }
            candidates.add(Candidate.of(CarrierKind.XRAY_HEADER, route));
        }
    }

    private void idsIn(String value, Route route, boolean number) {
        for (IdForms id : ids) {
            String exact = id.exact(value);
            if (exact != null) {
                idPlaces.add(new IdPlace(id, route, number ? "decimal, a JSON number" : exact, true));
            } else if (!number) {
                String inside = id.inside(value);
                if (inside != null) {
                    idPlaces.add(new IdPlace(id, route, inside, false));
                }
            }
        }
    }

    private static boolean hasHeaderName(Iterator<String> names) {
        while (names.hasNext()) {
            if (HEADER_NAMES.contains(names.next().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** SQS's or SNS's attributes ({@code {"traceparent": {"dataType": "String", "stringValue": ...}}}), one named after a header. */
    private static boolean isMessageAttributes(JsonNode node) {
        if (node.isEmpty() || !hasHeaderName(node.fieldNames())) {
            return false;
        }
        for (JsonNode attribute : node) {
            if (!attribute.isObject() || ATTRIBUTE_TYPE_KEYS.stream().noneMatch(attribute::has)) {
                return false;
            }
        }
        return true;
    }

    /** A typed map ({@code {"M": {...}}}) or a typed item, one of whose attributes is named after a header. */
    private static boolean isDynamoDbHeaders(JsonNode node) {
        JsonNode item = node.size() == 1 && node.path("M").isObject() ? node.get("M") : node;
        if (item.isEmpty() || !hasHeaderName(item.fieldNames())) {
            return false;
        }
        for (JsonNode value : item) {
            if (!value.isObject() || !isTypedValue(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A Kafka record's headers as Lambda delivers them: single-key objects whose values are bytes, in a list or in
     * an object keyed by index; one of them named after a header.
     */
    private static boolean isKafkaHeaders(JsonNode node) {
        if (node.isEmpty() || (node.isObject() && !Decoding.keyedByIndex(node))) {
            return false;
        }
        boolean named = false;
        for (JsonNode header : node) {
            if (!header.isObject() || header.size() != 1) {
                return false;
            }
            Map.Entry<String, JsonNode> only = header.properties().iterator().next();
            if (Decoding.bytes(only.getValue(), 0) == null) {
                return false;
            }
            named |= HEADER_NAMES.contains(only.getKey().toLowerCase(Locale.ROOT));
        }
        return named;
    }
}
