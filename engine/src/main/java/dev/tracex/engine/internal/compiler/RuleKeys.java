package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Sequence;
import dev.tracex.engine.internal.rule.ParentPolicy;
import dev.tracex.engine.internal.rule.SettingsStyles;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.propagation.PropagationStyle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.tracex.engine.internal.compiler.RuleFileCompiler.scalar;

/**
 * The entries of {@code extractors:}, each compiled into a {@link RuleDraft}: the rule's name, its keys, which
 * one kind it has, the keys that shape it ({@code styles}, {@code id_format}, {@code from}, {@code each},
 * {@code record_id}, {@code parent}, {@code when}, {@code description}) and its {@code examples}. The kind's
 * own value is compiled by {@link RuleBodies}. Not thread-safe: one per file.
 */
final class RuleKeys {
    static final List<String> KINDS = List.of("headers", "fields", "first", "js");
    static final List<String> KEYS = List.of("headers", "fields", "first", "js", "styles", "id_format",
            "each", "record_id", "parent", "when", "from", "examples", "description");
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final Problems problems;
    private final String prefix;
    private final Map<String, RuleDraft> drafts;
    private final List<RuleExample> examples;
    private final ExampleParser exampleParser;
    private final PipelineCompiler pipelines;
    private final RuleBodies bodies;
    private final PropagationSettings settings;

    /**
     * Drafts go to {@code drafts} by name, in file order; every rule's examples to {@code examples}; a rule without
     * {@code styles:} reads what {@code settings} say.
     */
    RuleKeys(Problems problems, String file, Path baseDir, String prefix, Map<String, RuleDraft> drafts,
             List<RuleExample> examples, PropagationSettings settings) {
        this.problems = problems;
        this.settings = settings;
        this.prefix = prefix;
        this.drafts = drafts;
        this.examples = examples;
        this.exampleParser = new ExampleParser(problems, baseDir, prefix);
        this.pipelines = new PipelineCompiler(problems);
        this.bodies = new RuleBodies(problems, file, pipelines);
    }

    /**
     * Compiles the rule {@code keyNode: valueNode} into a draft; a named rule with a problem is kept, marked broken,
     * so that a {@code first} naming it is not reported a second time.
     */
    void add(Node keyNode, Node valueNode) {
        String name = scalar(keyNode);
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            problems.at(keyNode, name, "invalid rule name \"" + name + "\": use letters, digits, _ and -");
            return;
        }
        if (drafts.containsKey(name)) {
            problems.at(keyNode, name, "duplicate rule \"" + name + "\"");
            return;
        }
        RuleDraft d = new RuleDraft();
        d.name = name;
        d.line = keyNode.start().line() + 1;
        d.column = keyNode.start().column() + 1;
        drafts.put(name, d);
        if (!(valueNode instanceof Mapping rule)) {
            problems.at(valueNode, name, "a rule is a mapping with one of " + String.join(", ", KINDS));
            d.broken = true;
            return;
        }
        Map<String, Entry> keys = new LinkedHashMap<>();
        for (Entry e : rule.entries()) {
            String key = scalar(e.key());
            if (key == null || !KEYS.contains(key)) { // null: a list or mapping as a key (`? ...`)
                problems.at(e.key(), name, "unknown key \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
                d.broken = true;
            } else if (keys.containsKey(key)) {
                problems.at(e.key(), name, "duplicate key \"" + key + "\"");
                d.broken = true;
            } else {
                keys.put(key, e);
            }
        }
        List<String> kinds = new ArrayList<>();
        for (String k : KINDS) {
            if (keys.containsKey(k)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            problems.at(keyNode, name, "a rule needs one of " + String.join(", ", KINDS));
            d.broken = true;
            return;
        }
        if (kinds.size() > 1) {
            problems.at(keys.get(kinds.get(1)).key(), name,
                    "a rule has only one of " + String.join(", ", KINDS) + " (found " + String.join(" and ", kinds) + ")");
            d.broken = true;
            return;
        }
        String kind = kinds.get(0);
        Node kindValue = keys.get(kind).value();

        List<PropagationStyle> styles = SettingsStyles.of(settings);
        boolean baggage = settings.baggage();
        if (keys.containsKey("styles")) {
            baggage = true; // a rule that names its styles reads baggage beside them, whatever the tracer's settings
            if (!kind.equals("headers") && !kind.equals("js")) {
                problems.at(keys.get("styles").key(), name, "styles applies to headers and js rules");
                d.broken = true;
            } else {
                styles = styles(keys.get("styles").value(), name);
                if (styles == null) {
                    d.broken = true;
                }
            }
        }
        boolean hex = false;
        if (keys.containsKey("id_format")) {
            Node v = keys.get("id_format").value();
            String f = scalar(v);
            if (!kind.equals("fields")) {
                problems.at(keys.get("id_format").key(), name, "id_format applies to fields rules");
                d.broken = true;
            } else if ("hex".equals(f)) {
                hex = true;
            } else if (!"decimal".equals(f)) {
                problems.at(v, name, "id_format is decimal or hex, not \"" + f + "\"");
                d.broken = true;
            }
        }
        if (keys.containsKey("from")) {
            Node v = keys.get("from").value();
            String f = scalar(v);
            if ("context".equals(f)) {
                d.fromContext = true;
            } else if (!"event".equals(f)) {
                problems.at(v, name, "from is event or context, not \"" + f + "\"");
                d.broken = true;
            }
        }
        if (keys.containsKey("each")) {
            Node v = keys.get("each").value();
            d.each = pipelines.path(v, name);
            d.broken |= d.each == null;
        }
        if (keys.containsKey("record_id")) {
            if (!keys.containsKey("each")) {
                problems.at(keys.get("record_id").key(), name, "record_id applies to each rules");
                d.broken = true;
            } else {
                d.recordId = pipelines.recordId(keys.get("record_id").value(), name);
                d.broken |= d.recordId == null;
            }
        }
        if (keys.containsKey("parent")) {
            Node v = keys.get("parent").value();
            String p = scalar(v);
            ParentPolicy policy = p == null ? null : ParentPolicy.byKey(p);
            if (!keys.containsKey("each")) {
                problems.at(keys.get("parent").key(), name, "parent applies to each rules");
                d.broken = true;
            } else if (p == null) {
                problems.at(v, name, "parent is a policy name (known: " + ParentPolicy.known() + ")");
                d.broken = true;
            } else if (policy == null) {
                problems.at(v, name, "unknown parent policy \"" + p + "\" (known: " + ParentPolicy.known() + ")");
                d.broken = true;
            } else {
                d.parent = policy;
            }
        }
        if (keys.containsKey("when")) {
            d.when = pipelines.pipeline(keys.get("when").value(), name);
            d.broken |= d.when == null;
        }
        if (keys.containsKey("description") && scalar(keys.get("description").value()) == null) {
            problems.at(keys.get("description").value(), name, "description is text");
            d.broken = true;
        }

        bodies.compile(d, kind, kindValue, prefix + name, styles, baggage, hex);
        if (d.body == null && d.first == null) {
            d.broken = true;
        }
        if (keys.containsKey("examples")) {
            try {
                examples.addAll(exampleParser.parse(keys.get("examples").value(), name));
            } catch (YamlJson.TooLarge e) {
                problems.at(keys.get("examples").value(), name, e.getMessage());
            }
        }
    }

    private List<PropagationStyle> styles(Node node, String rule) {
        List<Node> items = node instanceof Sequence list ? list.items() : List.of(node);
        List<List<PropagationStyle>> groups = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            String s = scalar(item);
            var parsed = s == null ? java.util.Optional.<List<PropagationStyle>>empty() : PropagationStyle.parse(s);
            if (parsed.isEmpty()) {
                problems.at(item, rule, "unknown style \"" + s + "\" (known: " + String.join(", ", PropagationStyle.names()) + ")");
                ok = false;
            } else {
                groups.add(parsed.get());
            }
        }
        if (ok && groups.isEmpty()) {
            problems.at(node, rule, "styles needs at least one style");
            return null;
        }
        return ok ? PropagationStyle.distinct(groups) : null;
    }
}
