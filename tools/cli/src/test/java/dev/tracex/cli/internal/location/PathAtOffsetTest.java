package dev.tracex.cli.internal.location;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PathAtOffsetTest {
    private static final String EVENT = """
            {
              "Records": [
                {"messageId": "m-1", "attributes": {"x-y": 12}},
                {"messageId": "m-2", "nested": [[true, null]]}
              ]
            }""";

    static Stream<Arguments> offsets() {
        return Stream.of(
                argumentSet("in a string value", "\"m-1\"", 2, "$.Records[0].messageId"),
                argumentSet("on a key: its value", "\"messageId\": \"m-2\"", 3, "$.Records[1].messageId"),
                argumentSet("just after a value", "12}", 2, "$.Records[0].attributes['x-y']"),
                argumentSet("in an array of arrays", "null", 1, "$.Records[1].nested[0][1]"),
                argumentSet("between values: the object around", ", \"attributes\"", 1, "$.Records[0]"),
                argumentSet("on the outer brace", "{\n  \"Records\"", 0, "$"));
    }

    @ParameterizedTest
    @MethodSource("offsets")
    void of_offsetInTheText_givesThePathOfTheValueThere(String near, int into, String path) {
        int offset = EVENT.indexOf(near) + into;

        assertThat(PathAtOffset.of(EVENT, offset)).map(EventPath::toString).contains(path);
    }

    @ParameterizedTest
    @MethodSource("brokenTexts")
    void of_textBrokenAfterTheOffset_stillFindsTheValue_butNothingAfterTheError(String text, int offset, String path) {
        assertThat(PathAtOffset.of(text, offset).map(EventPath::toString).orElse(null)).isEqualTo(path);
    }

    static Stream<Arguments> brokenTexts() {
        return Stream.of(
                argumentSet("before the error", "{\"a\": \"x\", \"b\": }", 7, "$.a"),
                argumentSet("after the error", "{\"a\": , \"b\": 1}", 13, null),
                argumentSet("outside any value", "  {\"a\": 1}", 0, null));
    }
}
