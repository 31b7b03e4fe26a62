package dev.tracex.engine.internal.step;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
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
                    value = Json.decodeEmbedded(value.textValue());
                    if (value == null) {
                        return null;
                    }
                }
                return path.read(value);
            }
            return step.apply(value);
        }

        @Override
        public String toString() {
            return path != null ? path.toString() : step.name();
        }
    }

    private final Stage[] stages;

    public Pipeline(List<Stage> stages) {
        this.stages = stages.toArray(new Stage[0]);
    }

    /** The pipeline's value for {@code root}, or {@code null} (JSON null counts as nothing). */
    public JsonNode evaluate(JsonNode root) {
        JsonNode value = root;
        for (Stage stage : stages) {
            value = stage.apply(value);
            if (value == null || value.isNull() || value.isMissingNode()) {
                return null;
            }
        }
        return value;
    }

    /**
     * Marks what the pipeline reads of the document: the first stage's value, whole (later stages only
     * transform that value).
     */
    public void project(Projection root) {
        if (stages.length == 0 || stages[0].path() == null) {
            root.keepWhole();
            return;
        }
        stages[0].path().project(root).keepWhole();
    }

    @Override
    public String toString() {
        return java.util.Arrays.stream(stages).map(Stage::toString).collect(Collectors.joining(" | "));
    }
}
