package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.json.JsonReader;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.plan.FormHeader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PrecompiledForm}'s rules compiled from their composed nodes: the path of a selected rule that reaches a
 * rule without a plan, a kind {@code PlanWriter} does not describe (none the compiler makes today; kept so that a form
 * stays usable when a new kind comes before its plan, and tested by {@code PrecompiledFormTest} on a form whose plans
 * are unnamed). Apart from {@link PrecompiledForm}, so that loading a planned rule verifies
 * none of this code (nor loads the node classes it names).
 */
final class FormNodes {
    private FormNodes() {
    }

    /** The rules {@code names} (in file order) of {@code form}, compiled from their nodes. */
    static CompiledFile compile(byte[] form, FormHeader h, List<String> names, String fileName, Path baseDir,
                                PropagationSettings settings) throws IOException, RuleCompilationException {
        // The header's nodes, which reading the header skipped.
        Mapping file = null;
        Node key = null;
        Mapping extractors = null;
        JsonReader p = JsonReader.of(form, 0, h.bodyStart() - 1);
        ComposedYaml.expect(p.nextToken() == JsonReader.Token.START_OBJECT, p);
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonReader.Token t = p.nextToken();
            switch (name) {
                case "file" -> file = mapping(ComposedYaml.readNode(p, t), p);
                case "key" -> key = ComposedYaml.readNode(p, t);
                case "extractors" -> extractors = mapping(ComposedYaml.readNode(p, t), p);
                default -> p.skipChildren();
            }
        }
        if (file == null || key == null || extractors == null) {
            throw new IOException("not a precompiled rules file: its header lacks the file's nodes");
        }
        List<Entry> rules = new ArrayList<>();
        for (String name : names) {
            FormHeader.Span span = h.rules().get(name);
            JsonReader r = JsonReader.of(form, h.bodyStart() + span.offset(), span.length());
            ComposedYaml.expect(r.nextToken() == JsonReader.Token.START_ARRAY, r);
            Node ruleKey = ComposedYaml.readNode(r, r.nextToken());
            Node value = ComposedYaml.readNode(r, r.nextToken());
            ComposedYaml.expect(r.nextToken() == JsonReader.Token.END_ARRAY, r);
            rules.add(new Entry(ruleKey, value));
        }
        Mapping whole = file.withEntries(List.of(new Entry(key, extractors.withEntries(rules))));
        return RuleFileCompiler.compile(fileName, whole, baseDir, "", Builtins.library(settings), settings);
    }

    private static Mapping mapping(Node n, JsonReader p) throws IOException {
        ComposedYaml.expect(n instanceof Mapping, p);
        return (Mapping) n;
    }
}
