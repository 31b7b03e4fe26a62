package dev.tracex.engine.internal.plan;

import dev.tracex.engine.PropagationSettings;
import dev.tracex.engine.internal.jscompile.JsSubset;
import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.json.JsonReader;
import dev.tracex.engine.internal.json.PathCompiler;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.EachRule;
import dev.tracex.engine.internal.rule.FieldsRule;
import dev.tracex.engine.internal.rule.FirstOfRule;
import dev.tracex.engine.internal.rule.FromContextRule;
import dev.tracex.engine.internal.rule.HeadersRule;
import dev.tracex.engine.internal.rule.ParentPolicy;
import dev.tracex.engine.internal.rule.RecordId;
import dev.tracex.engine.internal.rule.SettingsStyles;
import dev.tracex.engine.internal.rule.WhenRule;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.internal.step.Step;
import dev.tracex.engine.internal.step.Steps;
import dev.tracex.engine.propagation.PropagationStyle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.tracex.engine.internal.plan.FormHeader.expect;
import static dev.tracex.engine.internal.plan.FormHeader.number;
import static dev.tracex.engine.internal.plan.FormHeader.text;

/**
 * Builds compiled rules from their plans ({@link PlanWriter} says the layout) by calling their constructors: the
 * same rules the compiler made at build time, but for what a rule without {@code styles:} reads, decided now from
 * the function's settings. Runs at cold start, interpreted: no lambdas or streams (each would spin a class), one
 * switch on the node's kind. A plan that does not read as written is an {@link IOException}. Not thread-safe: one
 * per load.
 */
public final class PlanReader {
    private final byte[] form;
    private final FormHeader header;
    private final String file;
    private final PropagationSettings settings;
    private final Function<String, CompiledRule> library;
    private final Map<String, CompiledRule> built = new HashMap<>();
    private final Map<String, int[]> positions = new HashMap<>();
    /** The rules being built, to refuse a cycle of references as a form the compiler would never have written. */
    private final Set<String> building = new HashSet<>();

    /**
     * @param file    the rules file's name as errors print it (a JS snippet's, pointing into it)
     * @param library binds a qualified name in a {@code first:} ({@code builtin.sqs}) as compiling the YAML binds it,
     *                or gives {@code null} for a name it lacks; passed in, as that library is the compiler's and this
     *                package sits below the compiler
     */
    public PlanReader(byte[] form, FormHeader header, String file, PropagationSettings settings,
                      Function<String, CompiledRule> library) {
        this.form = form;
        this.header = header;
        this.file = file;
        this.settings = settings;
        this.library = library;
    }

    /** The rule {@code name} built from its plan, after the local rules it references (each built once). */
    public CompiledRule rule(String name) throws IOException {
        CompiledRule done = built.get(name);
        if (done != null) {
            return done;
        }
        FormHeader.Span span = header.rules().get(name);
        if (span == null || !span.planned() || !building.add(name)) {
            throw new IOException("not a precompiled rules file: no plan for rule \"" + name + "\"");
        }
        JsonReader p = JsonReader.of(form, header.bodyStart() + span.planOffset(), span.planLength());
        expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
        int line = number(p);
        int column = number(p);
        CompiledRule rule = node(p, p.nextToken());
        expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
        building.remove(name);
        built.put(name, rule);
        positions.put(name, new int[] {line, column});
        return rule;
    }

    /** The {line, column} of rule {@code name}, once built. */
    public int[] position(String name) {
        return positions.get(name);
    }

    private CompiledRule node(JsonReader p, JsonReader.Token t) throws IOException {
        expect(t == JsonReader.Token.START_ARRAY, p);
        String kind = text(p);
        CompiledRule r;
        switch (kind) {
            case "headers" -> r = headers(p);
            case "fields" -> {
                String rule = text(p);
                JsonReader.Token hex = p.nextToken();
                expect(hex == JsonReader.Token.TRUE || hex == JsonReader.Token.FALSE, p);
                expect(p.nextToken() == JsonReader.Token.START_OBJECT, p);
                Map<FieldsRule.Field, Pipeline> fields = new EnumMap<>(FieldsRule.Field.class);
                for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                    fields.put(FieldsRule.Field.valueOf(field), pipeline(p, p.nextToken()));
                }
                r = new FieldsRule(rule, hex == JsonReader.Token.TRUE, fields);
            }
            case "first" -> {
                expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
                List<FirstOfRule.Ref> refs = new ArrayList<>();
                for (JsonReader.Token n = p.nextToken(); n == JsonReader.Token.STRING; n = p.nextToken()) {
                    String name = p.text();
                    refs.add(new FirstOfRule.Ref(name, name.contains(".") ? library(name) : rule(name)));
                }
                expect(p.currentToken() == JsonReader.Token.END_ARRAY, p);
                r = new FirstOfRule(refs);
            }
            case "each" -> {
                JsonAccessor records = path(text(p));
                RecordId recordId = p.nextToken() == JsonReader.Token.NULL ? null : recordId(p);
                ParentPolicy policy = ParentPolicy.valueOf(text(p));
                r = new EachRule(records, node(p, p.nextToken()), recordId, policy);
            }
            case "when" -> {
                Pipeline condition = pipeline(p, p.nextToken());
                r = new WhenRule(condition, node(p, p.nextToken()));
            }
            case "from" -> r = new FromContextRule(node(p, p.nextToken()));
            case "js" -> {
                String rule = text(p);
                String code = text(p);
                int line = number(p);
                int column = number(p);
                int indent = number(p);
                List<PropagationStyle> styles = p.nextToken() == JsonReader.Token.NULL ? SettingsStyles.of(settings)
                        : styles(p);
                // Compiled from the subset now, or left for GraalJS at selection, as compiling the YAML does.
                r = JsSubset.rule(new ScriptSource(rule, code, file, line, column, indent, styles));
            }
            default -> throw new IOException("not a precompiled rules file: a plan of an unknown kind \"" + kind + "\"");
        }
        expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
        return r;
    }

    private HeadersRule headers(JsonReader p) throws IOException {
        String rule = text(p);
        JsonReader.Token source = p.nextToken();
        Pipeline pipeline = null;
        Map<String, Pipeline> named = null;
        if (source == JsonReader.Token.START_OBJECT) {
            named = new LinkedHashMap<>();
            for (String header = p.nextFieldName(); header != null; header = p.nextFieldName()) {
                named.put(header, pipeline(p, p.nextToken()));
            }
        } else {
            pipeline = pipeline(p, source);
        }
        List<PropagationStyle> styles;
        boolean baggage;
        if (p.nextToken() == JsonReader.Token.NULL) {
            // No styles: of its own: what the function's tracer settings say, as compiling the YAML now would.
            styles = SettingsStyles.of(settings);
            baggage = settings.baggage();
            expect(p.nextToken() == JsonReader.Token.NULL, p);
        } else {
            styles = styles(p);
            JsonReader.Token b = p.nextToken();
            expect(b == JsonReader.Token.TRUE || b == JsonReader.Token.FALSE, p);
            baggage = b == JsonReader.Token.TRUE;
        }
        return named != null ? new HeadersRule(rule, named, styles, baggage) : new HeadersRule(rule, pipeline, styles, baggage);
    }

    /** A rule's own {@code styles:}, the reader on the list's start. */
    private static List<PropagationStyle> styles(JsonReader p) throws IOException {
        expect(p.currentToken() == JsonReader.Token.START_ARRAY, p);
        List<PropagationStyle> styles = new ArrayList<>();
        for (JsonReader.Token s = p.nextToken(); s == JsonReader.Token.STRING; s = p.nextToken()) {
            styles.add(PropagationStyle.valueOf(p.text()));
        }
        expect(p.currentToken() == JsonReader.Token.END_ARRAY, p);
        return styles;
    }

    /** The parts of a {@code record_id:}, the reader on the list's start. */
    private RecordId recordId(JsonReader p) throws IOException {
        expect(p.currentToken() == JsonReader.Token.START_ARRAY, p);
        List<RecordId.Part> parts = new ArrayList<>();
        for (JsonReader.Token t = p.nextToken(); t != JsonReader.Token.END_ARRAY; t = p.nextToken()) {
            parts.add(t == JsonReader.Token.STRING ? new RecordId.Part(null, p.text()) : new RecordId.Part(pipeline(p, t), null));
        }
        return new RecordId(parts);
    }

    private static Pipeline pipeline(JsonReader p, JsonReader.Token t) throws IOException {
        expect(t == JsonReader.Token.START_ARRAY, p);
        List<Pipeline.Stage> stages = new ArrayList<>();
        for (JsonReader.Token s = p.nextToken(); s == JsonReader.Token.STRING; s = p.nextToken()) {
            String stage = p.text();
            if (stage.startsWith("$")) {
                stages.add(new Pipeline.Stage(path(stage), null));
            } else {
                Step step = Steps.byName(stage);
                if (step == null) {
                    throw new IOException("not a precompiled rules file: no step \"" + stage + "\"");
                }
                stages.add(new Pipeline.Stage(null, step));
            }
        }
        expect(p.currentToken() == JsonReader.Token.END_ARRAY && !stages.isEmpty(), p);
        return new Pipeline(stages);
    }

    private static JsonAccessor path(String text) throws IOException {
        try {
            return PathCompiler.compile(text);
        } catch (PathCompiler.PathSyntaxException e) {
            throw new IOException("not a precompiled rules file: bad path \"" + text + "\": " + e.getMessage());
        }
    }

    /** A built-in named in {@code first:}, bound as compiling the YAML binds it: lazily, by the library. */
    private CompiledRule library(String name) throws IOException {
        CompiledRule r = library.apply(name);
        if (r == null) {
            throw new IOException("not a precompiled rules file: no rule \"" + name + "\" among the built-ins");
        }
        return r;
    }
}
