package dev.tracex.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class EventFileTest {
    @TempDir
    Path dir;

    static Stream<Arguments> malformed() {
        return Stream.of(
                argumentSet("trailing comma in an object", "{\n  \"a\": 1,\n}\n",
                        "3:1: expected a field name in double quotes, found '}' (a trailing comma before it?)"),
                argumentSet("trailing comma in an array", "{\"a\": [1, 2,]}",
                        "1:13: expected a value (string, number, object, array, true, false or null), found ']' (a trailing comma before it?)"),
                argumentSet("single quotes", "{'a': 1}", "1:2: expected a field name in double quotes, found '''"),
                argumentSet("missing colon", "{\"a\" 1}", "1:6: expected ':' after the field name, found '1'"),
                argumentSet("missing comma", "{\"a\": 1 \"b\": 2}", "1:9: expected ',' or a closing bracket, found '\"'"),
                argumentSet("unclosed object", "{\n  \"a\": {\"b\": 1}\n", "3:1: the file ends inside the object opened at 1:1 (a missing }?)"),
                argumentSet("a bracket closing the wrong thing", "{\"a\": [1, 2}",
                        "1:12: expected ']' to close the array opened at 1:7, found '}'"),
                argumentSet("a second document", "{\"a\": 1}\n{\"b\": 2}",
                        "2:1: more JSON after the end of the document (one event per file)"),
                argumentSet("bad literal", "{\"a\": tru}",
                        "1:7: Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void parse_malformed_saysWhereAndWhat(String json, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("event.json"), json);

        assertThatThrownBy(() -> EventFile.parse(file.toString(), System.in))
                .isInstanceOf(EventFile.Unusable.class)
                .hasMessage(file + ":" + expected);
    }

    @Test
    void parse_lineOfALargerFile_saysTheFilesLine() {
        assertThatThrownBy(() -> EventFile.parse("capture.ndjson", 12, "{\"a\": 1,}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessage("capture.ndjson:12:9: expected a field name in double quotes, found '}' (a trailing comma before it?)");
        assertThatThrownBy(() -> EventFile.parse("capture.ndjson", 12, " ".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessage("capture.ndjson:12: empty");
    }

    @Test
    void parse_emptyFile_saysEmpty() throws Exception {
        Path file = Files.writeString(dir.resolve("event.json"), " \n\t\n");

        assertThatThrownBy(() -> EventFile.parse(file.toString(), System.in)).hasMessage(file + ": empty");
    }

    @Test
    void parse_missingFile_saysNoSuchFile() {
        assertThatThrownBy(() -> EventFile.parse("missing.json", System.in)).hasMessage("missing.json: no such file");
    }

    @Test
    void parse_directory_saysSo() {
        assertThatThrownBy(() -> EventFile.parse(dir.toString(), System.in)).hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void parse_standardInput_isNamedDash() throws Exception {
        assertThat(EventFile.parse("-", new ByteArrayInputStream("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).get("a").asInt())
                .isEqualTo(1);
        assertThatThrownBy(() -> EventFile.parse("-", new ByteArrayInputStream("{\"a\": }".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("-:1:7: expected a value (string, number, object, array, true, false or null), found '}'");
    }
}
