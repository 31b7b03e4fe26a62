package dev.tracex.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.cli.internal.location.EventPath;
import dev.tracex.cli.internal.location.PathAtOffset;
import dev.tracex.cli.internal.suggest.Suggester;
import dev.tracex.cli.internal.suggest.Suggestions;
import dev.tracex.engine.ContextJson;
import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;
import dev.tracex.lambda.config.ExtractorResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the playground page shows for one state of its editors: the rules file compiled (its errors with
 * line and column), the chosen rule run on the event as {@code tracex extract} and {@code tracex explain} run
 * it, and the file's {@code examples:}; and saving the rules file. Runs the engine as every command does, so
 * JS rules run in the same sandbox and limits. Called from one server thread at a time.
 */
final class Playground {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUILTIN = "builtin.";
    /** A rule's name as the file's text has it: two spaces in, under {@code extractors:}. */
    private static final Pattern RULE_LINE = Pattern.compile("(?m)^  ([A-Za-z0-9_-]+):");

    private final Path file;
    private final String fileName;
    private final Path baseDir;
    private final String initialText;
    private final String initialRule;

    /**
     * @param file        the rules file to save to, or {@code null} when started without one (nothing to save to)
     * @param initialText what the rules editor starts with
     * @param initialRule the rule selected at start ({@code builtin.default} when none)
     */
    Playground(Path file, String initialText, String initialRule) {
        this.file = file;
        this.fileName = file == null ? "extractors.yaml" : file.toString();
        this.baseDir = file == null ? null : file.toAbsolutePath().getParent();
        this.initialText = initialText;
        this.initialRule = initialRule;
    }

    /** The page's starting state: the file, its text, the selected rule, whether it can be saved, the samples. */
    ObjectNode state() {
        ObjectNode s = JSON.createObjectNode();
        s.put("file", fileName);
        s.put("savable", file != null);
        s.put("rules", initialText);
        s.put("rule", initialRule);
        ArrayNode samples = s.putArray("samples");
        PlaygroundSamples.NAMES.forEach(samples::add);
        return s;
    }

    /** The result of running {@code rule} of {@code rules} (or a built-in) on {@code event}. */
    ObjectNode run(String rules, String event, String rule) {
        ObjectNode r = JSON.createObjectNode();
        ArrayNode errors = r.putArray("errors");
        Extractors compiled = compile(rules, errors);
        ArrayNode names = r.putArray("rules");
        if (compiled != null) {
            compiled.names().forEach(names::add);
        }
        ArrayNode builtins = r.putArray("builtins");
        Extractors.builtins().names().forEach(n -> builtins.add(BUILTIN + n));

        Extractor selected = select(compiled, rule, r);
        EventOptions.Input input = null;
        if (event == null || event.isBlank()) {
            r.put("eventError", "no event yet: paste one, open a file or pick a sample");
        } else {
            try {
                input = new EventOptions.Input(EventFile.parse("event", event.getBytes(StandardCharsets.UTF_8)), InvocationContext.NONE);
            } catch (EventFile.Unusable e) {
                r.put("eventError", e.getMessage());
            }
        }
        if (selected != null && input != null) {
            ExtractorOptions.Selected apart = withFallback(selected, r);
            if (apart != null) {
                Attempts.Answer answer = Attempts.extract(apart, true, input);
                r.put("result", ContextJson.of(answer.extraction(), selected.name()).toPrettyString());
                if (answer.byFallback()) {
                    r.put("resultNote", Attempts.fallbackNote(apart.rule(), apart.fallback()));
                }
                r.put("found", answer.extraction().parent().isPresent());
                r.put("explain", ExplainCommand.text(Attempts.explain(apart, true, input), apart));
            }
        }
        examples(compiled, r);
        return r;
    }

    /**
     * {@code tracex suggest} on {@code event}: the proposals (as {@link Suggestions#json()}), named apart from the rules
     * already in {@code rules}; or {@code eventError} when the event is not JSON.
     */
    ObjectNode suggest(String rules, String event) {
        JsonNode tree;
        try {
            tree = EventFile.parse("event", event.getBytes(StandardCharsets.UTF_8));
        } catch (EventFile.Unusable e) {
            ObjectNode r = JSON.createObjectNode();
            r.put("eventError", e.getMessage());
            return r;
        }
        return Suggester.suggest(tree, "the event", null, null, ruleNames(rules)).json();
    }

    /** The names of the rules in {@code rules}, from its text when it does not compile (it is being edited). */
    private Set<String> ruleNames(String rules) {
        try {
            return new HashSet<>(Extractors.parse(rules, fileName, baseDir).names());
        } catch (RuleCompilationException e) {
            Set<String> names = new HashSet<>();
            Matcher m = RULE_LINE.matcher(rules);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    /** {@code {"path": "$.a.b"}}: the JSONPath of the value at {@code offset} of the event's text, or {@code null}. */
    static ObjectNode pathAt(String event, int offset) {
        ObjectNode r = JSON.createObjectNode();
        r.put("path", offset < 0 ? null : PathAtOffset.of(event, offset).map(EventPath::toString).orElse(null));
        return r;
    }

    /** The rules text compiled, every error (JS ones included) added to {@code errors}; {@code null} when it does not compile. */
    private Extractors compile(String rules, ArrayNode errors) {
        try {
            Extractors x = Extractors.parse(rules, fileName, baseDir);
            x.compileAll();
            return x;
        } catch (RuleCompilationException e) {
            for (RuleError err : e.errors()) {
                ObjectNode o = errors.addObject();
                o.put("line", err.line());
                o.put("column", err.column());
                o.put("rule", err.rule());
                o.put("text", err.toString());
            }
            return null;
        }
    }

    private static Extractor select(Extractors compiled, String rule, ObjectNode r) {
        if (rule == null || rule.isBlank()) {
            r.put("ruleError", "no rule chosen");
            return null;
        }
        try {
            if (rule.startsWith(BUILTIN)) {
                return Extractors.builtins().extractor(rule.substring(BUILTIN.length()));
            }
            if (compiled == null) {
                r.put("ruleError", "rule \"" + rule + "\": the rules file does not compile (see its errors)");
                return null;
            }
            if (!compiled.names().contains(rule)) {
                r.put("ruleError", "rule \"" + rule + "\": not in the rules file (it has: " + String.join(", ", compiled.names()) + ")");
                return null;
            }
            return compiled.extractor(rule);
        } catch (RuleCompilationException e) {
            r.put("ruleError", e.getMessage());
            return null;
        }
    }

    private static ExtractorOptions.Selected withFallback(Extractor selected, ObjectNode r) {
        try {
            Extractor fallback = ExtractorResolver.defaultExtractor();
            return new ExtractorOptions.Selected(selected, selected.name().equals(fallback.name()) ? null : fallback);
        } catch (RuleCompilationException e) {
            r.put("ruleError", e.getMessage());
            return null;
        }
    }

    /** The file's examples, each as {@code tracex test} prints it. */
    private void examples(Extractors compiled, ObjectNode r) {
        ArrayNode out = r.putArray("examples");
        if (compiled == null || fileName.endsWith(".js")) {
            return;
        }
        int passed = 0;
        List<ExampleResult> results = compiled.runExamples();
        for (ExampleResult e : results) {
            passed += e.passed() ? 1 : 0;
            ObjectNode o = out.addObject();
            o.put("passed", e.passed());
            o.put("line", e.line());
            o.put("text", (e.passed() ? "PASS " : "FAIL ") + fileName + ":" + e.line() + ":" + e.column() + ": rule \"" + e.rule()
                    + "\" example " + e.index() + (e.name() == null ? "" : " (" + e.name() + ")") + (e.passed() ? "" : ": " + e.message())
                    + (e.explanation() == null ? "" : "\n" + e.explanation().render("    ")));
        }
        r.put("examplesSummary", results.isEmpty() ? "no rule has examples:" : passed + " passed, " + (results.size() - passed) + " failed");
    }

    /**
     * Writes {@code rules} to the file: into a temporary file beside it, then moved over it atomically, so the
     * file is never half-written. Returns the message to show.
     *
     * @throws SaveRefused when there is no file or it cannot be written; the message says why
     */
    String save(String rules) throws SaveRefused {
        if (file == null) {
            throw new SaveRefused("started without a rules file: nothing to save to (start with --extractor FILE.rule)");
        }
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            Files.writeString(temp, rules, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new SaveRefused("cannot save " + file + ": this file system cannot replace it atomically");
            }
            temp = null;
            return "saved " + file;
        } catch (IOException e) {
            throw new SaveRefused("cannot save " + file + ": " + why(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the save failed already and says so; a stray temporary file is the lesser problem
                }
            }
        }
    }

    private static String why(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "its directory is gone (" + e.getMessage() + ")";
        }
        return e.toString();
    }

    /** A save that did not happen; the message says why. */
    static final class SaveRefused extends Exception {
        private static final long serialVersionUID = 1L;

        SaveRefused(String message) {
            super(message, null, false, false);
        }
    }

    static JsonNode parseRequest(byte[] body) throws IOException {
        return JSON.readTree(body);
    }
}
