package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSourcesTest {
    /** A parser that refuses what is not JSON, naming the line as the command line's does. */
    private static final EventParser PARSER = (file, line, json) -> {
        JsonNode tree = EventJson.readOrNull(json);
        if (tree == null) {
            throw new UnreadableEvent(file + ":" + line + ":1: not JSON");
        }
        return tree;
    };

    @TempDir
    Path dir;

    private final List<String> read = new ArrayList<>();
    private final EventSources.Sink sink = new EventSources.Sink() {
        @Override
        public void event(CapturedEvent e) {
            read.add(e.name() + " " + (e.tree() != null ? e.tree() : new String(e.bytes(), StandardCharsets.UTF_8)));
        }

        @Override
        public void unreadable(String file, String message) {
            read.add("unreadable " + message);
        }
    };

    @Test
    void forEach_directory_readsEveryEventFileBelowIt_inNameOrder() throws Exception {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/one.json"), "{\"n\": 1}");
        Files.writeString(dir.resolve("a.ndjson"), "{\"n\": 2}\n\n{\"n\": 3}\r\n{\"n\": 4}");
        Files.writeString(dir.resolve("c.jsonl"), "{\"n\": 5}\n");
        Files.writeString(dir.resolve("notes.txt"), "not an event");
        Files.writeString(dir.resolve(".hidden.json"), "{}");

        EventSources.of(List.of(dir.toString()), stdin(""), PARSER).forEach(sink);

        assertThat(read).containsExactly(dir.resolve("a.ndjson") + ":1 {\"n\": 2}", dir.resolve("a.ndjson") + ":3 {\"n\": 3}\r",
                dir.resolve("a.ndjson") + ":4 {\"n\": 4}", dir.resolve("b/one.json") + " {\"n\": 1}", dir.resolve("c.jsonl") + ":1 {\"n\": 5}");
    }

    @Test
    void forEach_standardInput_readsOneEventALine_andUnwrapsLogRecords() {
        String lines = "{\"n\": 1}\n{\"@timestamp\": \"2026-11-25 09:20:00.000\", \"@message\": \"2026-11-25T09:20:00Z abc INFO {\\\"n\\\": 2}\"}\n"
                + "{\"@message\": \"no json here\"}\n";

        EventSources.of(List.of("-"), stdin(lines), PARSER).forEach(sink);

        assertThat(read).containsExactly("-:1 {\"n\": 1}", "-:2 {\"n\":2}", "unreadable -:3 @message: no JSON object in the log record's message");
    }

    @Test
    void forEach_jsonArrayFile_readsEachItemAsAnEvent() throws Exception {
        Path export = Files.writeString(dir.resolve("export.json"), "[{\"n\": 1}, {\"@message\": \"{\\\"n\\\": 2}\"}]");

        EventSources.of(List.of(export.toString()), stdin(""), PARSER).forEach(sink);

        assertThat(read).containsExactly(export + "[0] {\"n\":1}", export + "[1] {\"n\":2}");
    }

    @Test
    void of_missingFile_orDirectoryWithoutEvents_isRefusedNamingIt() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertThatThrownBy(() -> EventSources.of(List.of(dir.resolve("nope.json").toString()), stdin(""), PARSER))
                .hasMessage(dir.resolve("nope.json") + ": no such file or directory");
        assertThatThrownBy(() -> EventSources.of(List.of(dir.toString()), stdin(""), PARSER))
                .hasMessage(dir + ": no .json, .ndjson or .jsonl file in it");
    }

    private static ByteArrayInputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
