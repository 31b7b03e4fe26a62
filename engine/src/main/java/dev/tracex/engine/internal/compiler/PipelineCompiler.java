package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.json.PathCompiler;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Position;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.node.Sequence;
import dev.tracex.engine.internal.rule.RecordId;
import dev.tracex.engine.internal.step.Pipeline;
import dev.tracex.engine.internal.step.Step;
import dev.tracex.engine.internal.step.Steps;

import java.util.ArrayList;
import java.util.List;

import static dev.tracex.engine.internal.compiler.RuleFileCompiler.scalar;

/**
 * The paths and pipelines of a rule ({@code path | step | path ...}, for {@code headers}, {@code fields},
 * {@code when}, {@code record_id}; a bare path for {@code each}), compiled once, each problem reported at its
 * stage's line and column. Not thread-safe: one per file.
 */
final class PipelineCompiler {
    private final Problems problems;

    PipelineCompiler(Problems problems) {
        this.problems = problems;
    }

    /** One path (for {@code each:}), compiled, or {@code null} after reporting why. */
    JsonAccessor path(Node node, String rule) {
        String text = scalar(node);
        if (text == null || text.isBlank()) {
            problems.at(node, rule, "expected a JSONPath");
            return null;
        }
        try {
            return PathCompiler.compile(text);
        } catch (PathCompiler.PathSyntaxException e) {
            problems.at(node, rule, "bad JSONPath \"" + text.trim() + "\": " + e.getMessage());
            return null;
        }
    }

    /**
     * {@code record_id:} one pipeline, or a list of pipelines ({@code $...}) and literal texts concatenated;
     * {@code null} after reporting every problem.
     */
    RecordId recordId(Node node, String rule) {
        if (node instanceof Scalar) {
            Pipeline p = pipeline(node, rule);
            return p == null ? null : new RecordId(List.of(new RecordId.Part(p, null)));
        }
        if (!(node instanceof Sequence list) || list.items().isEmpty()) {
            problems.at(node, rule, "record_id is a pipeline, or a list of pipelines ($...) and texts to concatenate");
            return null;
        }
        List<RecordId.Part> parts = new ArrayList<>();
        boolean ok = true;
        boolean anyPipeline = false;
        for (Node item : list.items()) {
            String text = scalar(item);
            if (text == null) {
                problems.at(item, rule, "record_id is a pipeline, or a list of pipelines ($...) and texts to concatenate");
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
            problems.at(node, rule, "record_id needs at least one pipeline ($...)");
            ok = false;
        }
        return ok ? new RecordId(parts) : null;
    }

    /** A pipeline {@code path | step | path ...}, compiled, or {@code null} after reporting every problem. */
    Pipeline pipeline(Node node, String rule) {
        String text = scalar(node);
        if (text == null || text.isBlank()) {
            problems.at(node, rule, "expected a pipeline: a JSONPath, then steps or paths separated by |");
            return null;
        }
        List<Pipeline.Stage> stages = new ArrayList<>();
        boolean ok = true;
        for (int[] seg : split(text)) {
            String raw = text.substring(seg[0], seg[1]);
            String stage = raw.strip();
            int offset = seg[0] + (raw.length() - raw.stripLeading().length());
            int[] pos = position((Scalar) node, offset);
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
    static List<int[]> split(String text) {
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
    private static int[] position(Scalar node, int offset) {
        Position start = node.start();
        if (start.line() != node.end().line() || node.style().isBlock()) {
            return new int[] {start.line() + 1, start.column() + 1};
        }
        int quote = node.style() == Scalar.Style.PLAIN ? 0 : 1;
        return new int[] {start.line() + 1, start.column() + 1 + quote + offset};
    }
}
