package dev.tracex.engine.internal.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One {@code examples:} entry of a rule: an event (inline, or an {@code event_file:} read only when the
 * example runs, so a deployed rules file never depends on its test files), an optional invocation
 * context, and the expected context ({@code null} expects none). Internal: may change without notice.
 *
 * @param event     the inline event, or {@code null} for an {@code event_file:}
 * @param eventFile the {@code event_file:} as written, or {@code null}
 * @param baseDir   where {@code eventFile} is resolved ({@code null} when the rules file has no directory)
 */
public record RuleExample(String rule, int index, String name, int line, int column,
                          JsonNode event, String eventFile, Path baseDir, JsonNode context, JsonNode expect) {

    /** The example's event, reading its {@code event_file:} now if it has one. */
    public JsonNode loadEvent() throws IOException {
        if (event != null) {
            return event;
        }
        if (baseDir == null) {
            throw new IOException("event_file \"" + eventFile + "\" cannot be resolved: the rules file was not loaded from a directory");
        }
        Path p = baseDir.resolve(eventFile);
        if (!Files.isRegularFile(p)) {
            throw new IOException("event_file \"" + eventFile + "\" not found in " + baseDir);
        }
        JsonNode n = Json.parseOrNull(Files.readAllBytes(p));
        if (n == null) {
            throw new IOException("event_file \"" + eventFile + "\" is not JSON");
        }
        return n;
    }
}
