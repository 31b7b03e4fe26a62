package dev.tracex.engine.internal.step;

import dev.tracex.engine.ExtractionTrace;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.internal.json.ProjectedDecoding;
import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.json.Projection;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A compiled value pipeline, {@code path | step | path ...}: the first stage reads from the root, each
 * next one transforms the previous value. A path applied to a string decodes it as embedded JSON first.
 * Stops at the first stage that yields nothing.
 */
public final class Pipeline {
    /** One stage: exactly one of a path or a step. */
    public record Stage(JsonAccessor path, Step step) {
        JsonNode apply(JsonNode value) {
            if (path != null) {
                if (value.isTextual()) {
                    value = DecodedDocuments.embedded(value);
                    if (value == null) {
                        return null;
                    }
                }
                return path.read(value);
            }
            return step.decodes() ? DecodedDocuments.once(step, value, v -> ProjectedDecoding.apply(step.name(), step, v)) : step.apply(value);
        }

        @Override
        public String toString() {
            return path != null ? path.toString() : step.name();
        }
    }

    /**
     * How many decoding steps of a pipeline are read pruned ({@code base64 | gzip | json} is three); after them the
     * value is read whole, which keeps a hostile pipeline of thousands of steps from nesting projections as deep.
     */
    static final int MAX_PROJECTED_DECODINGS = 4;

    private final Stage[] stages;

    public Pipeline(List<Stage> stages) {
        this.stages = stages.toArray(new Stage[0]);
    }

    /** The pipeline's value for {@code root}, or {@code null} (JSON null counts as nothing). */
    public JsonNode evaluate(JsonNode root) {
        return evaluate(root, null);
    }

    /** As {@link #evaluate(JsonNode)}, writing what each stage got into {@code trace} if not null. */
    public JsonNode evaluate(JsonNode root, ExtractionTrace trace) {
        JsonNode value = root;
        for (Stage stage : stages) {
            JsonNode input = value;
            value = stage.apply(value);
            if (value == null || value.isNull() || value.isMissingNode()) {
                if (trace != null) {
                    trace.note(stage + ": " + nothingFrom(stage, input, value));
                }
                return null;
            }
            if (trace != null) {
                noteGot(trace, stage, value);
            }
        }
        return value;
    }

    // Out of line: evaluate stays as small as before for the JIT.
    private static void noteGot(ExtractionTrace trace, Stage stage, JsonNode value) {
        trace.note(stage + ": " + ExtractionTrace.describe(value));
    }

    /** Why a stage gave nothing, for an explanation. */
    private static String nothingFrom(Stage stage, JsonNode input, JsonNode output) {
        if (stage.path() != null) {
            if (input.isTextual() && DecodedDocuments.embedded(input) == null) {
                return "not found: applied to " + ExtractionTrace.describe(input) + ", which is not JSON";
            }
            return output != null && output.isNull() ? "null" : "not found in " + ExtractionTrace.describe(input);
        }
        String verdict = stage.step().name().equals("json") ? "not JSON: " : "cannot decode ";
        return verdict + ExtractionTrace.describe(input);
    }

    /** Marks what the pipeline reads of the document, its value whole. */
    public void project(Projection root) {
        projectValue(root).keepWhole();
    }

    /**
     * Marks what the pipeline reads of the document up to its value, and returns the projection where the value
     * lives, for the caller to mark what it reads of it. Path stages after the first read into the previous value
     * (its embedded document when it is text), so their marks go below it; what follows a decoding step
     * ({@code base64}, {@code gzip}, {@code json}) is marked below the value it decodes; any other step reads its
     * input whole (what follows it reads the step's result, which is not in the document).
     */
    public Projection projectValue(Projection root) {
        Projection at = root;
        int decodings = 0;
        for (Stage stage : stages) {
            if (stage.path() != null) {
                at = stage.path().project(at);
            } else if (stage.step().decodes() && ++decodings <= MAX_PROJECTED_DECODINGS) {
                at = at.decoded(stage.step().name()); // ProjectedDecoding reads the step's result pruned to this
            } else {
                at.keepWhole();
                return new Projection(); // below a whole value, further marks change nothing
            }
        }
        return at;
    }

    /** The stages, in order (what the precompiled form's plan is written from). */
    public List<Stage> stages() {
        return List.of(stages);
    }

    @Override
    public String toString() {
        return java.util.Arrays.stream(stages).map(Stage::toString).collect(Collectors.joining(" | "));
    }
}
