package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.json.PathCompiler;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.EachRule;
import dev.tracex.engine.internal.rule.FieldsRule;
import dev.tracex.engine.internal.rule.FirstOfRule;
import dev.tracex.engine.internal.rule.FromContextRule;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.internal.rule.LibraryRule;
import dev.tracex.engine.internal.rule.ParentPolicy;
import dev.tracex.engine.internal.rule.RecordId;
import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.rule.WhenRule;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.internal.step.Step;
import dev.tracex.engine.internal.step.Steps;
import dev.tracex.engine.propagation.PropagationStyle;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles a YAML rules file: walks snakeyaml's composed nodes (which keep line and column marks),
 * compiles every path and pipeline once, resolves {@code first} references in dependency order, and
 * collects every problem before throwing one {@link RuleCompilationException}. JS snippets are checked
 * for shape here and compiled later, when a rule reaching them is selected. Internal: may change
 * without notice.
 */
public final class RuleFileCompiler {
    /** Largest rules file accepted, in code points: far above any real file, far below a heap problem. */
    static final int MAX_FILE_CODE_POINTS = 4 * 1024 * 1024;
    /** Aliases allowed for collections: anchors are handy for shared styles, alias bombs are not. */
    static final int MAX_ALIASES = 50;
    static final int MAX_NESTING = 64;
    /** How deep {@code first} references may nest: far above real files, far below a stack overflow at compile or extract time. */
    static final int MAX_FIRST_DEPTH = 100;
    /** Rule evaluations one event may cost through {@code first} references (a rule reached by two paths counts twice). */
    static final long MAX_FIRST_EVALUATIONS = 10_000;
    /** Names listed after "known:" in an unknown-reference error; a file of 10,000 rules must not make each error list them all. */
    static final int MAX_NAMES_LISTED = 20;

    static final List<String> KINDS = List.of("headers", "fields", "first", "js");
    static final List<String> KEYS = List.of("headers", "fields", "first", "js", "styles", "id_format",
            "each", "record_id", "parent", "when", "from", "examples", "description");
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** An HTTP field name (RFC 9110 token). */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private final String file;
    private final Path baseDir;
    private final String prefix;
    private final RuleLibrary library;
    private final Problems problems;
    private final ExampleParser exampleParser;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, CompiledRule> compiled = new LinkedHashMap<>();
    /** For each compiled rule: {nesting depth of first references, rule evaluations per event}. */
    private final Map<String, long[]> cost = new HashMap<>();
    private final List<RuleExample> examples = new ArrayList<>();

    private RuleFileCompiler(String file, Path baseDir, String prefix, RuleLibrary library) {
        this.file = file;
        this.baseDir = baseDir;
        this.prefix = prefix;
        this.library = library;
        this.problems = new Problems(file);
        this.exampleParser = new ExampleParser(problems, baseDir, prefix);
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
        RuleFileCompiler c = new RuleFileCompiler(file, baseDir, prefix, library);
        c.run(text);
        if (!c.problems.isEmpty()) {
            throw new RuleCompilationException(c.problems.sorted());
        }
        Map<String, int[]> positions = new LinkedHashMap<>();
        Map<String, CompiledRule> ordered = new LinkedHashMap<>();
        for (Draft d : c.drafts.values()) {
            positions.put(d.name, new int[] {d.line, d.column});
            ordered.put(d.name, c.compiled.get(d.name));
        }
        return new CompiledFile(file, prefix, ordered, positions, List.copyOf(c.examples));
    }

    /**
     * The composed node tree of {@code text}, with snakeyaml settings that bound what a hostile file can cost:
     * size, aliases, nesting, duplicate keys. Composed by snakeyaml's parser and composer alone, as
     * {@code Yaml.compose} does, without the {@code Yaml} facade, whose object constructor and representer
     * this compiler never uses (some 40 classes at cold start).
     */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setAllowDuplicateKeys(true); // reported by this compiler, with both positions' context
        options.setAllowRecursiveKeys(false);
        return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                .getSingleNode();
    }

    // ---------------------------------------------------------------- the walk

    private void run(String text) {
        // Checked here, not only by snakeyaml: its limit does not count comments, and a long token costs it time.
        if (text.length() > MAX_FILE_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_FILE_CODE_POINTS) {
            problems.add(1, 1, null, "file too large: " + text.codePointCount(0, text.length())
                    + " code points (at most " + MAX_FILE_CODE_POINTS + ")");
            return;
        }
        Node root;
        try {
            root = compose(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1, null,
                    "invalid YAML: " + YamlSyntax.plainWords(e, text));
            return;
        } catch (YAMLException e) {
            problems.add(1, 1, null, "invalid YAML: " + firstLine(e.getMessage()));
            return;
        }
        if (root == null) {
            problems.add(1, 1, null, "empty file: expected a mapping with the key \"extractors\"");
            return;
        }
        if (!(root instanceof MappingNode)) {
            error(root, null, "expected a mapping with the key \"extractors\"");
            return;
        }
        Node extractors = null;
        for (NodeTuple t : ((MappingNode) root).getValue()) {
            String key = scalar(t.getKeyNode());
            if ("extractors".equals(key)) {
                extractors = t.getValueNode();
            } else if (!"description".equals(key)) {
                error(t.getKeyNode(), null, "unknown top-level key \"" + key + "\" (known: extractors, description)");
            }
        }
        if (extractors == null) {
            error(root, null, "expected a mapping with the key \"extractors\"");
            return;
        }
        if (!(extractors instanceof MappingNode)) {
            error(extractors, null, "\"extractors\" must map rule names to rules");
            return;
        }
        for (NodeTuple t : ((MappingNode) extractors).getValue()) {
            parseRule(t.getKeyNode(), t.getValueNode());
        }
        for (Draft d : drafts.values()) {
            resolve(d, new ArrayList<>());
        }
    }

    /** A parsed rule whose own parts compiled; {@code first} references are resolved afterwards. */
    private static final class Draft {
        String name;
        int line;
        int column;
        boolean broken;
        CompiledRule body;             // headers, fields, js
        List<ScalarNode> first;        // first
        JsonAccessor each;
        RecordId recordId;
        ParentPolicy parent = ParentPolicy.FIRST;
        Pipeline when;
        boolean fromContext;
    }

    private void parseRule(Node keyNode, Node valueNode) {
        String name = scalar(keyNode);
        if (name == null || !RULE_NAME.matcher(name).matches()) {
            error(keyNode, name, "invalid rule name \"" + name + "\": use letters, digits, _ and -");
            return;
        }
        if (drafts.containsKey(name)) {
            error(keyNode, name, "duplicate rule \"" + name + "\"");
            return;
        }
        Draft d = new Draft();
        d.name = name;
        d.line = keyNode.getStartMark().getLine() + 1;
        d.column = keyNode.getStartMark().getColumn() + 1;
        drafts.put(name, d);
        if (!(valueNode instanceof MappingNode)) {
            error(valueNode, name, "a rule is a mapping with one of " + String.join(", ", KINDS));
            d.broken = true;
            return;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) valueNode).getValue()) {
            String key = scalar(t.getKeyNode());
            if (key == null || !KEYS.contains(key)) { // null: a list or mapping as a key (`? ...`)
                error(t.getKeyNode(), name, "unknown key \"" + key + "\" (known: " + String.join(", ", KEYS) + ")");
                d.broken = true;
            } else if (keys.containsKey(key)) {
                error(t.getKeyNode(), name, "duplicate key \"" + key + "\"");
                d.broken = true;
            } else {
                keys.put(key, t);
            }
        }
        List<String> kinds = new ArrayList<>();
        for (String k : KINDS) {
            if (keys.containsKey(k)) {
                kinds.add(k);
            }
        }
        if (kinds.isEmpty()) {
            error(keyNode, name, "a rule needs one of " + String.join(", ", KINDS));
            d.broken = true;
            return;
        }
        if (kinds.size() > 1) {
            error(keys.get(kinds.get(1)).getKeyNode(), name,
                    "a rule has only one of " + String.join(", ", KINDS) + " (found " + String.join(" and ", kinds) + ")");
            d.broken = true;
            return;
        }
        String kind = kinds.get(0);
        Node kindValue = keys.get(kind).getValueNode();
        String attributed = prefix + name;

        List<PropagationStyle> styles = PropagationStyle.DEFAULTS;
        if (keys.containsKey("styles")) {
            if (!kind.equals("headers") && !kind.equals("js")) {
                error(keys.get("styles").getKeyNode(), name, "styles applies to headers and js rules");
                d.broken = true;
            } else {
                styles = styles(keys.get("styles").getValueNode(), name);
                if (styles == null) {
                    d.broken = true;
                }
            }
        }
        boolean hex = false;
        if (keys.containsKey("id_format")) {
            Node v = keys.get("id_format").getValueNode();
            String f = scalar(v);
            if (!kind.equals("fields")) {
                error(keys.get("id_format").getKeyNode(), name, "id_format applies to fields rules");
                d.broken = true;
            } else if ("hex".equals(f)) {
                hex = true;
            } else if (!"decimal".equals(f)) {
                error(v, name, "id_format is decimal or hex, not \"" + f + "\"");
                d.broken = true;
            }
        }
        if (keys.containsKey("from")) {
            Node v = keys.get("from").getValueNode();
            String f = scalar(v);
            if ("context".equals(f)) {
                d.fromContext = true;
            } else if (!"event".equals(f)) {
                error(v, name, "from is event or context, not \"" + f + "\"");
                d.broken = true;
            }
        }
        if (keys.containsKey("each")) {
            Node v = keys.get("each").getValueNode();
            d.each = path(v, name);
            d.broken |= d.each == null;
        }
        if (keys.containsKey("record_id")) {
            if (!keys.containsKey("each")) {
                error(keys.get("record_id").getKeyNode(), name, "record_id applies to each rules");
                d.broken = true;
            } else {
                d.recordId = recordId(keys.get("record_id").getValueNode(), name);
                d.broken |= d.recordId == null;
            }
        }
        if (keys.containsKey("parent")) {
            Node v = keys.get("parent").getValueNode();
            String p = scalar(v);
            ParentPolicy policy = p == null ? null : ParentPolicy.byKey(p);
            if (!keys.containsKey("each")) {
                error(keys.get("parent").getKeyNode(), name, "parent applies to each rules");
                d.broken = true;
            } else if (p == null) {
                error(v, name, "parent is a policy name (known: " + ParentPolicy.known() + ")");
                d.broken = true;
            } else if (policy == null) {
                error(v, name, "unknown parent policy \"" + p + "\" (known: " + ParentPolicy.known() + ")");
                d.broken = true;
            } else {
                d.parent = policy;
            }
        }
        if (keys.containsKey("when")) {
            d.when = pipeline(keys.get("when").getValueNode(), name);
            d.broken |= d.when == null;
        }
        if (keys.containsKey("description") && scalar(keys.get("description").getValueNode()) == null) {
            error(keys.get("description").getValueNode(), name, "description is text");
            d.broken = true;
        }

        switch (kind) {
            case "headers" -> {
                if (kindValue instanceof MappingNode) {
                    Map<String, Pipeline> named = namedHeaders((MappingNode) kindValue, name);
                    if (named != null && !d.broken) {
                        d.body = new HeadersRule(attributed, named, styles);
                    }
                } else {
                    Pipeline p = pipeline(kindValue, name);
                    if (p != null && !d.broken) {
                        d.body = new HeadersRule(attributed, p, styles);
                    }
                }
            }
            case "fields" -> d.body = fields(kindValue, name, attributed, hex);
            case "first" -> d.first = firstRefs(kindValue, name);
            case "js" -> d.body = script(kindValue, name, attributed, styles);
            default -> throw new IllegalStateException(kind);
        }
        if (d.body == null && d.first == null) {
            d.broken = true;
        }
        if (keys.containsKey("examples")) {
            try {
                examples.addAll(exampleParser.parse(keys.get("examples").getValueNode(), name));
            } catch (YamlJson.TooLarge e) {
                error(keys.get("examples").getValueNode(), name, e.getMessage());
            }
        }
    }

    private List<PropagationStyle> styles(Node node, String rule) {
        List<Node> items = node instanceof SequenceNode ? ((SequenceNode) node).getValue() : List.of(node);
        List<List<PropagationStyle>> groups = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            String s = scalar(item);
            var parsed = s == null ? java.util.Optional.<List<PropagationStyle>>empty() : PropagationStyle.parse(s);
            if (parsed.isEmpty()) {
                error(item, rule, "unknown style \"" + s + "\" (known: " + String.join(", ", PropagationStyle.names()) + ")");
                ok = false;
            } else {
                groups.add(parsed.get());
            }
        }
        if (ok && groups.isEmpty()) {
            error(node, rule, "styles needs at least one style");
            return null;
        }
        return ok ? PropagationStyle.distinct(groups) : null;
    }

    /** {@code headers:} as a mapping, header name → pipeline, or {@code null} after reporting every problem. */
    private Map<String, Pipeline> namedHeaders(MappingNode node, String rule) {
        Map<String, Pipeline> named = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple t : node.getValue()) {
            String header = scalar(t.getKeyNode());
            if (header == null || !HEADER_NAME.matcher(header).matches()) {
                error(t.getKeyNode(), rule, "invalid header name \"" + header + "\": use letters, digits and !#$%&'*+-.^_`|~");
                ok = false;
                continue;
            }
            if (named.keySet().stream().anyMatch(header::equalsIgnoreCase)) {
                error(t.getKeyNode(), rule, "duplicate header \"" + header + "\" (names are case-insensitive)");
                ok = false;
                continue;
            }
            Pipeline p = pipeline(t.getValueNode(), rule);
            if (p == null) {
                ok = false;
            } else {
                named.put(header, p);
            }
        }
        if (ok && named.isEmpty()) {
            error(node, rule, "headers needs a pipeline, or a mapping from header name to pipeline");
            ok = false;
        }
        return ok ? named : null;
    }

    private FieldsRule fields(Node node, String rule, String attributed, boolean hex) {
        if (!(node instanceof MappingNode)) {
            error(node, rule, "fields maps context fields (" + FieldsRule.Field.known() + ") to paths");
            return null;
        }
        Map<FieldsRule.Field, Pipeline> map = new EnumMap<>(FieldsRule.Field.class);
        boolean ok = true;
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            String key = scalar(t.getKeyNode());
            FieldsRule.Field f = key == null ? null : FieldsRule.Field.byKey(key);
            if (f == null) {
                error(t.getKeyNode(), rule, "unknown field \"" + key + "\" (known: " + FieldsRule.Field.known() + ")");
                ok = false;
                continue;
            }
            Pipeline p = pipeline(t.getValueNode(), rule);
            if (p == null) {
                ok = false;
            } else {
                map.put(f, p);
            }
        }
        if (ok && (!map.containsKey(FieldsRule.Field.TRACE_ID) || !map.containsKey(FieldsRule.Field.PARENT_ID))) {
            error(node, rule, "fields needs trace_id and parent_id");
            ok = false;
        }
        return ok ? new FieldsRule(attributed, hex, map) : null;
    }

    private List<ScalarNode> firstRefs(Node node, String rule) {
        if (!(node instanceof SequenceNode) || ((SequenceNode) node).getValue().isEmpty()) {
            error(node, rule, "first needs a list of rule names");
            return null;
        }
        List<ScalarNode> refs = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            if (!(item instanceof ScalarNode)) {
                error(item, rule, "first needs a list of rule names");
                return null;
            }
            refs.add((ScalarNode) item);
        }
        return refs;
    }

    private ScriptRule script(Node node, String rule, String attributed, List<PropagationStyle> styles) {
        if (!(node instanceof ScalarNode) || ((ScalarNode) node).getValue().isBlank()) {
            error(node, rule, "js is the source of a function, e.g. (payload, context) => ({...})");
            return null;
        }
        ScalarNode s = (ScalarNode) node;
        return new ScriptRule(scriptSource(s, attributed, styles));
    }

    /** Where the snippet's text starts in the file, for mapping JS error positions back to it. */
    private ScriptSource scriptSource(ScalarNode s, String attributed, List<PropagationStyle> styles) {
        Mark m = s.getStartMark();
        DumperOptions.ScalarStyle style = s.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED) {
            // A block scalar's text starts on the line after the indicator, at its indentation.
            int indent = blockIndent(m);
            return new ScriptSource(attributed, s.getValue(), file, m.getLine() + 2, indent + 1, indent, styles);
        }
        int quote = style == DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        return new ScriptSource(attributed, s.getValue(), file, m.getLine() + 1, m.getColumn() + 1 + quote, 0, styles);
    }

    /** The indentation of the first non-blank line after a block scalar's indicator. */
    private static int blockIndent(Mark m) {
        int[] buffer = m.getBuffer();
        int i = m.getIndex();
        while (i < buffer.length && buffer[i] != '\n') {
            i++;
        }
        while (i < buffer.length) {
            i++; // past the newline
            int start = i;
            while (i < buffer.length && buffer[i] == ' ') {
                i++;
            }
            if (i < buffer.length && buffer[i] != '\n' && buffer[i] != '\r') {
                return i - start;
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- paths and pipelines

    /** One path (for {@code each:}), compiled, or {@code null} after reporting why. */
    private JsonAccessor path(Node node, String rule) {
        String text = scalar(node);
        if (text == null || text.isBlank()) {
            error(node, rule, "expected a JSONPath");
            return null;
        }
        try {
            return PathCompiler.compile(text);
        } catch (PathCompiler.PathSyntaxException e) {
            error(node, rule, "bad JSONPath \"" + text.trim() + "\": " + e.getMessage());
            return null;
        }
    }

    /**
     * {@code record_id:} one pipeline, or a list of pipelines ({@code $...}) and literal texts concatenated;
     * {@code null} after reporting every problem.
     */
    private RecordId recordId(Node node, String rule) {
        if (node instanceof ScalarNode) {
            Pipeline p = pipeline(node, rule);
            return p == null ? null : new RecordId(List.of(new RecordId.Part(p, null)));
        }
        if (!(node instanceof SequenceNode) || ((SequenceNode) node).getValue().isEmpty()) {
            error(node, rule, "record_id is a pipeline, or a list of pipelines ($...) and texts to concatenate");
            return null;
        }
        List<RecordId.Part> parts = new ArrayList<>();
        boolean ok = true;
        boolean anyPipeline = false;
        for (Node item : ((SequenceNode) node).getValue()) {
            String text = scalar(item);
            if (text == null) {
                error(item, rule, "record_id is a pipeline, or a list of pipelines ($...) and texts to concatenate");
                ok = false;
            } else if (text.strip().startsWith("$")) {
                Pipeline p = pipeline(item, rule);
                ok &= p != null;
                anyPipeline = true;
                parts.add(new RecordId.Part(p, null));
            } else {
                parts.add(new RecordId.Part(null, text));
            }
        }
        if (ok && !anyPipeline) {
            error(node, rule, "record_id needs at least one pipeline ($...)");
            ok = false;
        }
        return ok ? new RecordId(parts) : null;
    }

    /** A pipeline {@code path | step | path ...}, compiled, or {@code null} after reporting every problem. */
    private Pipeline pipeline(Node node, String rule) {
        String text = scalar(node);
        if (text == null || text.isBlank()) {
            error(node, rule, "expected a pipeline: a JSONPath, then steps or paths separated by |");
            return null;
        }
        List<Pipeline.Stage> stages = new ArrayList<>();
        boolean ok = true;
        for (int[] seg : split(text)) {
            String raw = text.substring(seg[0], seg[1]);
            String stage = raw.strip();
            int offset = seg[0] + (raw.length() - raw.stripLeading().length());
            int[] pos = position((ScalarNode) node, offset);
            if (stage.isEmpty()) {
                problems.add(pos[0], pos[1], rule, "empty stage in pipeline \"" + text.trim() + "\"");
                ok = false;
            } else if (stage.startsWith("$")) {
                try {
                    stages.add(new Pipeline.Stage(PathCompiler.compile(stage), null));
                } catch (PathCompiler.PathSyntaxException e) {
                    problems.add(pos[0], pos[1], rule, "bad JSONPath \"" + stage + "\": " + e.getMessage());
                    ok = false;
                }
            } else if (stages.isEmpty()) {
                problems.add(pos[0], pos[1], rule,
                        "a pipeline starts with a JSONPath ($...), not \"" + stage + "\"");
                ok = false;
            } else {
                Step step = Steps.byName(stage);
                if (step == null) {
                    problems.add(pos[0], pos[1], rule,
                            "unknown step \"" + stage + "\" (known: " + Steps.known() + ")");
                    ok = false;
                } else {
                    stages.add(new Pipeline.Stage(null, step));
                }
            }
        }
        return ok ? new Pipeline(stages) : null;
    }

    /** Start and end offsets of the stages of a pipeline: split on {@code |} outside brackets, parentheses and quotes. */
    public static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                i = PathCompiler.closingQuote(text, i);
                if (i < 0) {
                    break; // the rest is inside an unclosed quote: no more stages
                }
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
            } else if (c == '|' && depth <= 0) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, text.length()});
        return out;
    }

    /** File line and column of {@code offset} in a scalar's value; exact for one-line scalars, the scalar's start otherwise. */
    private static int[] position(ScalarNode node, int offset) {
        Mark start = node.getStartMark();
        if (start.getLine() != node.getEndMark().getLine()
                || node.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || node.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED) {
            return new int[] {start.getLine() + 1, start.getColumn() + 1};
        }
        int quote = node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN ? 0 : 1;
        return new int[] {start.getLine() + 1, start.getColumn() + 1 + quote + offset};
    }

    // ---------------------------------------------------------------- references

    /** Compiles {@code d} after what it references; reports unknown and cyclic references. */
    private CompiledRule resolve(Draft d, List<String> path) {
        if (compiled.containsKey(d.name)) {
            return compiled.get(d.name);
        }
        if (d.broken) {
            return null;
        }
        CompiledRule body = d.body;
        if (d.first != null) {
            path.add(d.name);
            List<FirstOfRule.Ref> refs = new ArrayList<>();
            boolean ok = true;
            for (ScalarNode refNode : d.first) {
                String ref = refNode.getValue();
                CompiledRule target;
                if (ref.contains(".")) {
                    target = library.reference(ref);
                    if (target == null) {
                        error(refNode, d.name, "unknown rule \"" + ref + "\" in first" + library.missingHint());
                        ok = false;
                        continue;
                    }
                } else {
                    Draft t = drafts.get(ref);
                    if (t == null) {
                        error(refNode, d.name, "unknown rule \"" + ref + "\" in first (known: " + someNames() + ")");
                        ok = false;
                        continue;
                    }
                    if (path.size() >= MAX_FIRST_DEPTH) {
                        error(refNode, d.name, "first references nest more than " + MAX_FIRST_DEPTH + " rules deep");
                        ok = false;
                        continue;
                    }
                    if (path.contains(ref)) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(ref), path.size()));
                        cycle.add(ref);
                        error(refNode, d.name, "cyclic first reference: " + String.join(" -> ", cycle));
                        ok = false;
                        continue;
                    }
                    target = resolve(t, path);
                    if (target == null) {
                        ok = false; // already reported where it is
                        continue;
                    }
                }
                refs.add(new FirstOfRule.Ref(ref, target));
            }
            path.remove(path.size() - 1);
            long[] c = ok ? firstCost(d, refs) : null;
            if (!ok || c == null) {
                d.broken = true;
                return null;
            }
            cost.put(d.name, c);
            body = new FirstOfRule(refs);
        }
        CompiledRule rule = body;
        if (d.each != null) {
            rule = new EachRule(d.each, rule, d.recordId, d.parent);
        }
        if (d.when != null) {
            rule = new WhenRule(d.when, rule);
        }
        if (d.fromContext) {
            rule = new FromContextRule(rule);
        }
        compiled.put(d.name, rule);
        return rule;
    }

    /**
     * Depth and evaluations per event of a {@code first} rule, or {@code null} after reporting that they
     * exceed the limits: a chain too deep overflows the stack; a diamond of references doubling at each
     * level costs 2^n evaluations of every event.
     */
    private long[] firstCost(Draft d, List<FirstOfRule.Ref> refs) {
        long depth = 0;
        long evaluations = 0;
        for (FirstOfRule.Ref r : refs) {
            long[] c = r.name().contains(".") ? new long[] {nesting(r.rule()), 1} : cost.getOrDefault(r.name(), new long[] {1, 1});
            depth = Math.max(depth, c[0]);
            evaluations = Math.min(MAX_FIRST_EVALUATIONS + 1, evaluations + c[1]);
        }
        if (depth + 1 > MAX_FIRST_DEPTH) {
            problems.add(d.line, d.column, d.name, "first references nest more than " + MAX_FIRST_DEPTH + " rules deep");
            return null;
        }
        if (evaluations > MAX_FIRST_EVALUATIONS) {
            problems.add(d.line, d.column, d.name, "first reaches more than " + MAX_FIRST_EVALUATIONS
                    + " rule evaluations per event (a rule referenced along several paths counts once per path)");
            return null;
        }
        return new long[] {depth + 1, evaluations};
    }

    /**
     * Nesting depth of a library rule (the built-ins: few and shallow); a reference not compiled yet counts
     * {@link LibraryRule#MAX_NESTING}, so that naming a built-in does not compile them all.
     */
    private static long nesting(CompiledRule rule) {
        if (rule instanceof LibraryRule) {
            return LibraryRule.MAX_NESTING;
        }
        long deepest = 0;
        for (CompiledRule child : rule.children()) {
            deepest = Math.max(deepest, nesting(child));
        }
        return deepest + 1;
    }

    /** The file's rule names for an error message, the first {@link #MAX_NAMES_LISTED} of them. */
    private String someNames() {
        if (drafts.size() <= MAX_NAMES_LISTED) {
            return String.join(", ", drafts.keySet());
        }
        return drafts.keySet().stream().limit(MAX_NAMES_LISTED).collect(java.util.stream.Collectors.joining(", "))
                + " and " + (drafts.size() - MAX_NAMES_LISTED) + " more";
    }

    // ---------------------------------------------------------------- helpers

    static String scalar(Node n) {
        return n instanceof ScalarNode ? ((ScalarNode) n).getValue() : null;
    }

    private void error(Node at, String rule, String message) {
        Mark m = at.getStartMark();
        problems.add(m.getLine() + 1, m.getColumn() + 1, rule, message);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
