package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.internal.node.Entry;
import dev.tracex.engine.internal.node.Mapping;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Scalar;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a YAML rules file: walks its composed nodes (which keep line and column positions: snakeyaml's, converted
 * by {@link YamlComposer}, or those of a composed form), compiles every path and pipeline once, resolves
 * {@code first} references in dependency order, and
 * collects every problem before throwing one {@link RuleCompilationException}. JS snippets are checked
 * for shape here and compiled later, when a rule reaching them is selected. This class reads the file
 * itself (its size, its YAML, its top-level keys); each rule is compiled by {@link RuleKeys} into a
 * {@link RuleDraft}, and the drafts into rules by {@link FirstReferences}. Internal: may change
 * without notice.
 */
public final class RuleFileCompiler {
    /** Largest rules file accepted, in code points: far above any real file, far below a heap problem. */
    static final int MAX_FILE_CODE_POINTS = 4 * 1024 * 1024;
    /** Aliases allowed for collections: anchors are handy for shared styles, alias bombs are not. */
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 64;

    private final Problems problems;
    private final Map<String, RuleDraft> drafts = new LinkedHashMap<>();
    private final List<RuleExample> examples = new ArrayList<>();
    private final RuleKeys rules;
    private final FirstReferences references;

    private RuleFileCompiler(String file, Path baseDir, String prefix, RuleLibrary library, PropagationSettings settings) {
        this.problems = new Problems(file);
        this.rules = new RuleKeys(problems, file, baseDir, prefix, drafts, examples, settings);
        this.references = new FirstReferences(problems, library, drafts);
    }

    /**
     * Compiles {@code text}.
     *
     * @param file    the name errors print (the path as the user gave it)
     * @param baseDir where {@code event_file:} paths of examples are resolved, or {@code null}
     * @param prefix  prepended to rule names in the contexts they produce ("" or {@code builtin.})
     * @param library rules that {@code first:} may reference by qualified name
     */
    public static CompiledFile compile(String file, String text, Path baseDir, String prefix, RuleLibrary library)
            throws RuleCompilationException {
        return compile(file, text, baseDir, prefix, library, PropagationSettings.DEFAULT);
    }

    /** As {@link #compile(String, String, Path, String, RuleLibrary)}; rules without {@code styles:} read what {@code settings} say. */
    public static CompiledFile compile(String file, String text, Path baseDir, String prefix, RuleLibrary library,
                                       PropagationSettings settings) throws RuleCompilationException {
        RuleFileCompiler c = new RuleFileCompiler(file, baseDir, prefix, library, settings);
        c.run(text);
        return c.result(file, prefix);
    }

    /**
     * Compiles a file already composed ({@link ComposedYaml}): the same rules, positions and examples as
     * compiling its text, without snakeyaml.
     */
    static CompiledFile compile(String file, Node composed, Path baseDir, String prefix, RuleLibrary library)
            throws RuleCompilationException {
        return compile(file, composed, baseDir, prefix, library, PropagationSettings.DEFAULT);
    }

    static CompiledFile compile(String file, Node composed, Path baseDir, String prefix, RuleLibrary library,
                                PropagationSettings settings) throws RuleCompilationException {
        RuleFileCompiler c = new RuleFileCompiler(file, baseDir, prefix, library, settings);
        c.run(composed);
        return c.result(file, prefix);
    }

    private CompiledFile result(String file, String prefix) throws RuleCompilationException {
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems.sorted());
        }
        Map<String, int[]> positions = new LinkedHashMap<>();
        Map<String, CompiledRule> ordered = new LinkedHashMap<>();
        for (RuleDraft d : drafts.values()) {
            positions.put(d.name, new int[] {d.line, d.column});
            ordered.put(d.name, references.compiled(d.name));
        }
        return new CompiledFile(file, prefix, ordered, positions, List.copyOf(examples));
    }

    /** Start and end offsets of the stages of a pipeline: split on {@code |} outside brackets, parentheses and quotes. */
    public static List<int[]> split(String text) {
        return PipelineCompiler.split(text);
    }

    private void run(String text) {
        // Checked here, not only by snakeyaml: its limit does not count comments, and a long token costs it time.
        if (text.length() > MAX_FILE_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_FILE_CODE_POINTS) {
            problems.add(1, 1, null, "file too large: " + text.codePointCount(0, text.length())
                    + " code points (at most " + MAX_FILE_CODE_POINTS + ")");
            return;
        }
        Node root;
        try {
            root = YamlComposer.compose(text);
        } catch (YamlComposer.InvalidYaml e) {
            problems.add(e.line, e.column, null, "invalid YAML: " + e.getMessage());
            return;
        }
        run(root);
    }

    private void run(Node root) {
        if (root == null) {
            problems.add(1, 1, null, "empty file: expected a mapping with the key \"extractors\"");
            return;
        }
        if (!(root instanceof Mapping file)) {
            problems.at(root, null, "expected a mapping with the key \"extractors\"");
            return;
        }
        Node extractors = null;
        for (Entry e : file.entries()) {
            String key = scalar(e.key());
            if ("extractors".equals(key)) {
                extractors = e.value();
            } else if (!"description".equals(key)) {
                problems.at(e.key(), null, "unknown top-level key \"" + key + "\" (known: extractors, description)");
            }
        }
        if (extractors == null) {
            problems.at(root, null, "expected a mapping with the key \"extractors\"");
            return;
        }
        if (!(extractors instanceof Mapping rulesByName)) {
            problems.at(extractors, null, "\"extractors\" must map rule names to rules");
            return;
        }
        for (Entry e : rulesByName.entries()) {
            rules.add(e.key(), e.value());
        }
        references.resolveAll();
    }

    /** The text of {@code n} if it is a scalar, else {@code null}. */
    static String scalar(Node n) {
        return n instanceof Scalar s ? s.text() : null;
    }
}
