package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.node.Sequence;
import dev.tracex.engine.internal.rule.FieldsRule;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.tracex.engine.internal.compiler.RuleFileCompiler.scalar;

/**
 * The value of a rule's one kind key compiled into its draft: {@code headers:} (a pipeline, or header name to
 * pipeline), {@code fields:} (context field to pipeline), {@code first:} (rule names, resolved later by
 * {@link FirstReferences}) and {@code js:} ({@link ScriptSnippets}). Not thread-safe: one per file.
 */
final class RuleBodies {
    /** An HTTP field name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private final Problems problems;
    private final String file;
    private final PipelineCompiler pipelines;

    RuleBodies(Problems problems, String file, PipelineCompiler pipelines) {
        this.problems = problems;
        this.file = file;
        this.pipelines = pipelines;
    }

    /**
     * Sets {@code d}'s body (or its {@code first} names) from {@code value}, the value of key {@code kind}, or
     * leaves them {@code null} after reporting why.
     */
    void compile(RuleDraft d, String kind, Node value, String attributed, List<PropagationStyle> styles, boolean baggage,
                 boolean hex) {
        switch (kind) {
            case "headers" -> {
                // Pipelines checked even in a broken rule, so that all its problems are reported; no body then,
                // as its styles may be null.
                if (value instanceof Mapping headers) {
                    Map<String, Pipeline> named = namedHeaders(headers, d.name);
                    if (named != null && !d.broken) {
                        d.body = new HeadersRule(attributed, named, styles, baggage);
                    }
                } else {
                    Pipeline p = pipelines.pipeline(value, d.name);
                    if (p != null && !d.broken) {
                        d.body = new HeadersRule(attributed, p, styles, baggage);
                    }
                }
            }
            case "fields" -> d.body = fields(value, d.name, attributed, hex);
            case "first" -> d.first = firstRefs(value, d.name);
            case "js" -> d.body = ScriptSnippets.rule(problems, file, value, d.name, attributed, styles);
            default -> throw new IllegalStateException(kind);
        }
    }

    /** {@code headers:} as a mapping, header name → pipeline, or {@code null} after reporting every problem. */
    private Map<String, Pipeline> namedHeaders(Mapping node, String rule) {
        Map<String, Pipeline> named = new LinkedHashMap<>();
        boolean ok = true;
        for (Entry t : node.entries()) {
            String header = scalar(t.key());
            if (header == null || !HEADER_NAME.matcher(header).matches()) {
                problems.at(t.key(), rule, "invalid header name \"" + header + "\": use letters, digits and !#$%&'*+-.^_`|~");
                ok = false;
                continue;
            }
            if (named.keySet().stream().anyMatch(header::equalsIgnoreCase)) {
                problems.at(t.key(), rule, "duplicate header \"" + header + "\" (names are case-insensitive)");
                ok = false;
                continue;
            }
            Pipeline p = pipelines.pipeline(t.value(), rule);
            if (p == null) {
                ok = false;
            } else {
                named.put(header, p);
            }
        }
        if (ok && named.isEmpty()) {
            problems.at(node, rule, "headers needs a pipeline, or a mapping from header name to pipeline");
            ok = false;
        }
        return ok ? named : null;
    }

    private FieldsRule fields(Node node, String rule, String attributed, boolean hex) {
        if (!(node instanceof Mapping fields)) {
            problems.at(node, rule, "fields maps context fields (" + FieldsRule.Field.known() + ") to paths");
            return null;
        }
        Map<FieldsRule.Field, Pipeline> map = new EnumMap<>(FieldsRule.Field.class);
        boolean ok = true;
        for (Entry t : fields.entries()) {
            String key = scalar(t.key());
            FieldsRule.Field f = key == null ? null : FieldsRule.Field.byKey(key);
            if (f == null) {
                problems.at(t.key(), rule, "unknown field \"" + key + "\" (known: " + FieldsRule.Field.known() + ")");
                ok = false;
                continue;
            }
            Pipeline p = pipelines.pipeline(t.value(), rule);
            if (p == null) {
                ok = false;
            } else {
                map.put(f, p);
            }
        }
        if (ok && (!map.containsKey(FieldsRule.Field.TRACE_ID) || !map.containsKey(FieldsRule.Field.PARENT_ID))) {
            problems.at(node, rule, "fields needs trace_id and parent_id");
            ok = false;
        }
        return ok ? new FieldsRule(attributed, hex, map) : null;
    }

    private List<Scalar> firstRefs(Node node, String rule) {
        if (!(node instanceof Sequence names) || names.items().isEmpty()) {
            problems.at(node, rule, "first needs a list of rule names");
            return null;
        }
        List<Scalar> refs = new ArrayList<>();
        for (Node item : names.items()) {
            if (!(item instanceof Scalar name)) {
                problems.at(item, rule, "first needs a list of rule names");
                return null;
            }
            refs.add(name);
        }
        return refs;
    }
}
