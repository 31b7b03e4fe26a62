package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A function's rules file precompiled at build time: its {@link ComposedYaml composed form}, written only after the
 * whole file compiled (so the build reported every problem), naming the text it was made from and the tracex that
 * made it. At cold start a function loads from it the one rule it selects and the local rules that rule's
 * {@code first:} reaches, without snakeyaml's parser and without compiling the file's other rules: the build
 * already did, and a form is only used with the exact text it was made from. Anything else (another text, another
 * tracex, an unreadable form) is one warning and the text is compiled as without a form. Internal: may change
 * without notice.
 */
public final class PrecompiledForm {
    private PrecompiledForm() {
    }

    /**
     * Compiles the YAML {@code text} whole (built-ins referenced) and returns its precompiled form.
     *
     * @throws RuleCompilationException with every problem of the file, as loading it would
     */
    public static byte[] write(String text, String fileName, Path baseDir) throws RuleCompilationException {
        RuleFileCompiler.compile(fileName, text, baseDir, "", Builtins.library());
        try {
            return ComposedYaml.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // written to memory
        }
    }

    /**
     * The rule {@code rule} of the file {@code text} and the local rules it reaches, compiled from {@code form};
     * {@code null} when the form cannot be used (said to {@code warn} in one line) or has no such rule (the
     * caller compiles the text, whose error names the rules there are).
     */
    public static CompiledFile load(byte[] form, String text, String fileName, Path baseDir, String rule,
                                    Consumer<String> warn) {
        String formName = fileName + ".tracex";
        byte[] yaml = text.getBytes(StandardCharsets.UTF_8);
        ComposedYaml.Header header = new ComposedYaml.Header();
        Node root;
        try {
            root = ComposedYaml.read(new ByteArrayInputStream(form), yaml, fileName, header);
        } catch (IOException | RuntimeException e) {
            warn.accept(formName + " not used, compiling " + fileName + ": " + e.getMessage());
            return null;
        }
        if (root == null) {
            warn.accept(formName + " not used, compiling " + fileName + ": it was made from another text of the file"
                    + " (rebuild to precompile it again)");
            return null;
        }
        if (!TracexVersion.VERSION.equals(header.tracex)) {
            warn.accept(formName + " not used, compiling " + fileName + ": it was written by tracex " + header.tracex
                    + ", this is tracex " + TracexVersion.VERSION + " (rebuild to precompile it again)");
            return null;
        }
        Node reduced = reachableFrom(root, rule);
        if (reduced == null) {
            return null;
        }
        try {
            return RuleFileCompiler.compile(fileName, reduced, baseDir, "", Builtins.library());
        } catch (RuleCompilationException | RuntimeException e) {
            // Not expected (the build compiled the same text); the text will say it again, with every position.
            warn.accept(formName + " not used, compiling " + fileName + ": " + e.getMessage());
            return null;
        }
    }

    /** {@code root} with only {@code rule} and the local rules its {@code first:} reaches, in file order. */
    private static Node reachableFrom(Node root, String rule) {
        MappingNode file = (MappingNode) root;
        NodeTuple extractorsTuple = null;
        for (NodeTuple t : file.getValue()) {
            if ("extractors".equals(RuleFileCompiler.scalar(t.getKeyNode()))) {
                extractorsTuple = t;
            }
        }
        MappingNode extractors = (MappingNode) extractorsTuple.getValueNode();
        Map<String, NodeTuple> rules = new HashMap<>();
        for (NodeTuple t : extractors.getValue()) {
            rules.put(RuleFileCompiler.scalar(t.getKeyNode()), t);
        }
        if (!rules.containsKey(rule)) {
            return null;
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(rule));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            NodeTuple t = rules.get(name);
            if (t != null && reached.add(name)) {
                todo.addAll(localReferences(t.getValueNode()));
            }
        }
        List<NodeTuple> kept = new ArrayList<>();
        for (NodeTuple t : extractors.getValue()) {
            if (reached.contains(RuleFileCompiler.scalar(t.getKeyNode()))) {
                kept.add(t);
            }
        }
        MappingNode keptRules = new MappingNode(extractors.getTag(), true, kept, extractors.getStartMark(),
                extractors.getEndMark(), extractors.getFlowStyle());
        return new MappingNode(file.getTag(), true, List.of(new NodeTuple(extractorsTuple.getKeyNode(), keptRules)),
                file.getStartMark(), file.getEndMark(), file.getFlowStyle());
    }

    /** The names without a dot (the file's own rules) in a rule's {@code first:}. */
    private static List<String> localReferences(Node rule) {
        List<String> names = new ArrayList<>();
        if (rule instanceof MappingNode) {
            for (NodeTuple t : ((MappingNode) rule).getValue()) {
                if ("first".equals(RuleFileCompiler.scalar(t.getKeyNode())) && t.getValueNode() instanceof SequenceNode) {
                    for (Node item : ((SequenceNode) t.getValueNode()).getValue()) {
                        if (item instanceof ScalarNode && !((ScalarNode) item).getValue().contains(".")) {
                            names.add(((ScalarNode) item).getValue());
                        }
                    }
                }
            }
        }
        return names;
    }
}
