package dev.tracex.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code examples:} entry of a rule: an event, an optional invocation context, and the expected
 * context ({@code null} expects none). Internal: may change without notice.
 */
public record RuleExample(String rule, int index, String name, int line, int column,
                          JsonNode event, JsonNode context, JsonNode expect) {
}
