package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Position;
import dev.tracex.engine.internal.node.Sequence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule's {@code examples:}: checked for shape at load (so a typo is a compile error), kept as
 * {@link RuleExample}s that {@code tracex test} runs. An {@code event_file:} is not read here: a deployed
 * rules file must not depend on its test files.
 */
final class ExampleParser {
    static final List<String> EXAMPLE_KEYS = List.of("name", "event", "event_file", "context", "expect");
    static final List<String> EXPECT_KEYS = List.of("rule", "format", "trace_id", "trace_id_128", "parent_id",
            "sampling_priority", "origin", "tags", "baggage", "traceparent", "tracestate", "links", "records");

    private final Problems problems;
    private final Path baseDir;
    private final String prefix;

    ExampleParser(Problems problems, Path baseDir, String prefix) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.prefix = prefix;
    }

    /** The examples under {@code node} of rule {@code rule}; problems go to the file's collector. */
    List<RuleExample> parse(Node node, String rule) {
        List<RuleExample> examples = new ArrayList<>();
        if (!(node instanceof Sequence list)) {
            error(node, rule, "examples is a list of {event, expect}");
            return examples;
        }
        int index = 0;
        for (Node item : list.items()) {
            index++;
            if (!(item instanceof Mapping example)) {
                error(item, rule, "an example is a mapping with event and expect");
                continue;
            }
            Map<String, Node> keys = new HashMap<>();
            boolean ok = true;
            for (Entry t : example.entries()) {
                String key = RuleFileCompiler.scalar(t.key());
                if (key == null || !EXAMPLE_KEYS.contains(key)) {
                    error(t.key(), rule, "unknown example key \"" + key + "\" (known: " + String.join(", ", EXAMPLE_KEYS) + ")");
                    ok = false;
                } else {
                    keys.put(key, t.value());
                }
            }
            if (keys.containsKey("event") == keys.containsKey("event_file")) {
                error(item, rule, "an example has one of event and event_file");
                ok = false;
            }
            if (!keys.containsKey("expect")) {
                error(item, rule, "an example needs expect: the expected context, or null for none");
                ok = false;
            }
            JsonNode expect = null;
            if (keys.containsKey("expect")) {
                expect = YamlJson.toJson(keys.get("expect"));
                if (expect.isObject()) {
                    Set<String> unknown = new HashSet<>();
                    expect.fieldNames().forEachRemaining(k -> {
                        if (!EXPECT_KEYS.contains(k)) {
                            unknown.add(k);
                        }
                    });
                    if (!unknown.isEmpty()) {
                        error(keys.get("expect"), rule, "unknown expected key(s) " + new java.util.TreeSet<>(unknown)
                                + " (known: " + String.join(", ", EXPECT_KEYS) + ")");
                        ok = false;
                    }
                } else if (!expect.isNull()) {
                    error(keys.get("expect"), rule, "expect is a mapping of context keys, or null for no context");
                    ok = false;
                }
            }
            JsonNode event = null;
            if (keys.containsKey("event")) {
                event = YamlJson.toJson(keys.get("event"));
                if (event.isTextual()) {
                    JsonNode parsed = Json.parseOrNull(event.textValue());
                    if (parsed == null) {
                        error(keys.get("event"), rule, "event is YAML, or a string holding JSON; this string is not JSON");
                        ok = false;
                    } else {
                        event = parsed;
                    }
                }
            }
            String eventFile = null;
            if (keys.containsKey("event_file")) {
                eventFile = RuleFileCompiler.scalar(keys.get("event_file"));
                if (eventFile == null || eventFile.isBlank()) {
                    error(keys.get("event_file"), rule, "event_file is a path relative to the rules file");
                    ok = false;
                }
            }
            JsonNode context = keys.containsKey("context") ? YamlJson.toJson(keys.get("context")) : null;
            String name = keys.containsKey("name") ? RuleFileCompiler.scalar(keys.get("name")) : null;
            if (ok) {
                Position at = item.start();
                examples.add(new RuleExample(prefix + rule, index, name, at.line() + 1, at.column() + 1,
                        event, eventFile, baseDir, context, expect));
            }
        }
        return examples;
    }

    private void error(Node at, String rule, String message) {
        problems.at(at, rule, message);
    }
}
