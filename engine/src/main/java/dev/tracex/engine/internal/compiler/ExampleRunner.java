package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;

import java.util.Iterator;
import java.util.Map;

/**
 * Runs a rule's {@code examples:}: extracts from the example's event and compares the keys given in
 * {@code expect} with the context's JSON form (scalars by their text, so {@code trace_id: 1} and
 * {@code "1"} agree; nested objects by the keys given, {@code {}} meaning empty). Internal.
 */
public final class ExampleRunner {
    private ExampleRunner() {
    }

    public static ExampleResult run(RuleExample example, Extractor extractor) {
        JsonNode ctxJson = example.context();
        JsonNode event;
        try {
            event = example.loadEvent();
        } catch (java.io.IOException e) {
            return new ExampleResult(example.rule(), example.index(), example.name(), example.line(), example.column(),
                    false, e.getMessage());
        }
        Extraction found = extractor.extract(event, () -> ctxJson);
        String failure = compare(example.expect(), found, example.rule());
        if (failure == null) {
            return new ExampleResult(example.rule(), example.index(), example.name(), example.line(), example.column(), true, "");
        }
        // Only a failure is explained: the extraction runs again, tracing every step.
        return new ExampleResult(example.rule(), example.index(), example.name(), example.line(), example.column(),
                false, failure, extractor.explain(event, () -> ctxJson));
    }

    /** {@code null} when {@code found} matches {@code expect}, else what differs. */
    static String compare(JsonNode expect, Extraction found, String rule) {
        JsonNode actual = ContextJson.of(found, rule);
        if (expect == null || expect.isNull()) {
            return found.parent().isEmpty() ? null
                    : "expected no context, got trace_id " + found.parent().get().traceId() + " from rule "
                    + found.parent().get().rule();
        }
        if (found.parent().isEmpty() && !expect.has("links") && !expect.has("records")) {
            return "expected a context, got none";
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode a = actual.get(e.getKey());
            if (!matches(e.getValue(), a)) {
                return e.getKey() + ": expected " + e.getValue() + ", got " + (a == null ? "nothing" : a.toString());
            }
        }
        return null;
    }

    static boolean matches(JsonNode expected, JsonNode actual) {
        if (expected == null || expected.isNull()) {
            return actual == null || actual.isNull();
        }
        if (actual == null || actual.isNull()) {
            return false;
        }
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return false;
            }
            if (expected.size() == 0) {
                return actual.size() == 0;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!matches(e.getValue(), actual.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return actual.isValueNode() && expected.asText().equals(actual.asText());
    }
}
