package dev.tracex.engine.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.compiler.RuleFileCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathCompilerTest {
    private static final JsonNode DOC = Json.parseOrNull("""
            {"x": {"a": 1, "deep": {"a": 11}}, "a": 2,
             "Records": [{"eventSource": "aws:sns", "id": "r0"}, {"eventSource": "aws:sqs", "id": "r1"},
                         {"eventSource": "aws:sqs", "id": "r2"}],
             "weird key": {"it's": "quoted"}, "body": "{\\"inner\\": {\\"v\\": 7}}"}
            """);

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "$.a; 2",
            "$.x.a; 1",
            "$['x']['a']; 1",
            "$[\"x\"].deep.a; 11",
            "$.Records[1].id; r1",
            "$.Records[-1].id; r2",
            "$['weird key']['it\\'s']; quoted",
            "$.body.inner.v; 7",
    })
    void compile_definitePath_readsDirectly(String path, String expected) throws Exception {
        JsonAccessor a = PathCompiler.compile(path);
        assertThat(a).isInstanceOf(DefinitePath.class);
        assertThat(a.read(DOC).asText()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "$.Records[*].id; r0",
            "$.Records[?(@.eventSource == 'aws:sqs')].id; r1",
            "$.Records[1:].id; r1",
            "$..a; 1",
            "$..deep.a; 11",
            "$.x.*; 1",
    })
    void compile_indefinitePath_yieldsFirstMatchInDocumentOrder(String path, String expected) throws Exception {
        JsonAccessor a = PathCompiler.compile(path);
        assertThat(a.isDefinite()).isFalse(); // Jayway's, or SimplePath's with Jayway's answers
        assertThat(a.read(DOC).asText()).isEqualTo(expected);
    }

    @Test
    void readAll_wildcard_yieldsEveryMatchInOrder() throws Exception {
        assertThat(PathCompiler.compile("$.Records[*]").readAll(DOC)).extracting(n -> n.get("id").asText())
                .containsExactly("r0", "r1", "r2");
    }

    @Test
    void read_missingPath_isNull() throws Exception {
        assertThat(PathCompiler.compile("$.nope.deeper").read(DOC)).isNull();
        assertThat(PathCompiler.compile("$.Records[9].id").read(DOC)).isNull();
        assertThat(PathCompiler.compile("$..nope").read(DOC)).isNull();
        assertThat(PathCompiler.compile("$.a.b").read(DOC)).isNull();
    }

    @Test
    void compile_badPath_isRejectedWithJaywaysReason() {
        assertThatThrownBy(() -> PathCompiler.compile("$.a[")).hasMessage("unclosed '['");
        assertThatThrownBy(() -> PathCompiler.compile("$.a[?(@.b ==]")).isInstanceOf(PathCompiler.PathSyntaxException.class);
        assertThatThrownBy(() -> PathCompiler.compile("a.b")).hasMessage("a path starts with $");
    }

    @Test
    void read_filterMeetsAPrimitive_findsNothing() throws Exception {
        JsonAccessor a = PathCompiler.compile("$.Records[0][?(@.eventSource == 'aws:sqs')]");
        for (String doc : new String[] {"{\"Records\": [\"text\"]}", "{\"Records\": [null]}", "{\"Records\": []}", "{\"Records\": 7}"}) {
            assertThat(a.read(Json.parseOrNull(doc))).as(doc).isNull();
            assertThat(a.readAll(Json.parseOrNull(doc))).as(doc).isEmpty();
        }
    }

    @Test
    void quotes_hideBracketsAndBars_inEveryScan() throws Exception {
        assertThat(PathCompiler.unbalanced("$['a]b(']")).isNull();
        assertThat(PathCompiler.unbalanced("$['a\\'b]")).as("an escaped quote does not close").isEqualTo("unclosed quote '");
        assertThat(PathCompiler.unbalanced("$['a\\'b']")).isNull();
        assertThat(PathCompiler.unbalanced("$['a")).isEqualTo("unclosed quote '");
        assertThat(PathCompiler.compile("$['a]b'].c").read(Json.parseOrNull("{\"a]b\": {\"c\": 5}}")).asInt()).isEqualTo(5);
        assertThat(RuleFileCompiler.split("$['x|y'] | json | $[?(@.a == 'p|q')]"))
                .extracting(r -> r[0] + "-" + r[1]).containsExactly("0-9", "10-16", "17-36");
        assertThat(RuleFileCompiler.split("$['x|y | json")).extracting(r -> r[0] + "-" + r[1]).containsExactly("0-13");
    }
}
