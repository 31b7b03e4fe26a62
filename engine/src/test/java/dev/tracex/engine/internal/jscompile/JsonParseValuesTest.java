package dev.tracex.engine.internal.jscompile;

import dev.tracex.engine.internal.json.GeneratedJson;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A compiled snippet's {@code JSON.parse} against GraalJS's own on the same texts: a table of edge cases (limits,
 * surrogates a string cannot encode, a byte order mark, trailing content), generated documents and the same documents
 * broken at random. Each side's result is written the same way: keys sorted, numbers as JS writes them with
 * {@code -0} told apart, strings as their UTF-16 code units, a refusal as the error's name.
 */
class JsonParseValuesTest {
    private static final String CANON_JS = """
            (text) => {
              const canon = (v) => {
                if (v === null) return 'null';
                if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
                if (typeof v === 'object') return '{' + Object.keys(v).sort().map((k) => canon(k) + ':' + canon(v[k])).join(',') + '}';
                if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
                if (typeof v === 'string') return 's' + Array.from({length: v.length}, (_, i) => v.charCodeAt(i).toString(16)).join('.');
                return String(v);
              };
              try { return canon(JSON.parse(text)); } catch (e) { return e.name; }
            }""";
    private static Context js;
    private static Value graalParse;

    @BeforeAll
    static void open() {
        js = Context.newBuilder("js").out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
        graalParse = js.eval("js", CANON_JS);
    }

    @AfterAll
    static void close() {
        js.close();
    }

    @Test
    void parse_edgeCases_asGraalJsParsesThem() {
        List<String> texts = new ArrayList<>(List.of("", " ", "1", "-0", " -0 ", "0.0", "-0.0", "1e400", "-1e400", "1e-400",
                "123456789012345", "1234567890123456", "9007199254740993", "-9007199254740993", "98765432109876543210",
                "1.5e3", "01", "1.", ".5", "+1", "1x", "1 x", "1]", "[1]x", "[1] ", "[1]\n\t\r ", "{} {}", "[,]", "[1,]",
                "{\"a\":1,}", "{\"a\":1,\"a\":2}", "{\"b\":1,\"1\":2,\"a\":3}", "{\"__proto__\":{\"x\":1}}", "\"\\u0041\\/\\b\"",
                "\"\\x41\"", "\"a\tb\"", "\"a\u0000b\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"😀é€\"", "\"\uFEFF\"",
                "\uFEFF1", "\uFEFF{}", "\u00a01", "1\u00a0", "\"\ud800\"", "\"\udc00x\"", "\"\ud83d\ude00\"", "\"\\\ud800\"",
                "\"\\\\\ud800\"", "\ud800", "[\"\ud800\", 1]", "{\"\ud800\":1}", "\"\\u\ud800\"", "true", "tru", "nul", "null ",
                "[true,false,null]", "NaN", "Infinity", "'a'", "{a:1}", "\"" + "x".repeat(60_000) + "\"",
                "{\"" + "k".repeat(60_000) + "\":1}", "1" + "0".repeat(1_200), "0." + "1".repeat(1_200)));
        for (String text : texts) {
            assertSameAsGraalJs(text);
        }
    }

    /**
     * Nesting as GraalJS reads it, as deep as its recursive parser surely goes (it refuses with a RangeError where its
     * stack runs out, from some 1,200 levels down, less on a deeper stack); and far deeper than jackson-core's and the
     * events' limit of 1,000, which GraalJS refuses: the subset reads on without recursion, as it did on jackson-core.
     */
    @Test
    void parse_deepNesting_asGraalJsWithinItsStack_andDeeperWithout() {
        Value depth = js.eval("js", "(t) => { let v = JSON.parse(t), d = 0; while (Array.isArray(v)) { d++; v = v[0]; } return d; }");
        String deep = "[".repeat(500) + "]".repeat(500);
        assertThat(depth(deep)).isEqualTo(depth.execute(deep).asInt()).isEqualTo(500);
        assertSameAsGraalJs(deep.substring(1));
        assertSameAsGraalJs(deep + "]");

        assertThat(depth("[".repeat(50_000) + "]".repeat(50_000))).isEqualTo(50_000);
    }

    private static int depth(String text) {
        Object v = JsonParseValues.parse(text, 0);
        int d = 0;
        while (v instanceof List<?> list) {
            d++;
            v = list.isEmpty() ? null : list.get(0);
        }
        return d;
    }

    @Test
    void parse_generatedDocuments_asGraalJsParsesThem() {
        Random r = new Random(20261207);
        for (int i = 0; i < 1500; i++) {
            assertSameAsGraalJs(GeneratedJson.text(r));
        }
    }

    /** Documents broken by one random edit, among them surrogates without their pair and a byte order mark. */
    @Test
    void parse_brokenDocuments_refusedWhereGraalJsRefusesThem() {
        Random r = new Random(7122026);
        String[] edits = {"{", "}", "[", "]", ",", ":", "\"", "\\", "-", ".", "e", "0", "1", "t", "n", " ", "\n", "\u0001",
            "é", "\ud800", "\udc00", "\uFEFF", "\u00a0"};
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            String doc = GeneratedJson.text(r);
            if (doc.isEmpty()) {
                continue;
            }
            int at = r.nextInt(doc.length());
            String broken = switch (r.nextInt(3)) {
                case 0 -> doc.substring(0, at) + edits[r.nextInt(edits.length)] + doc.substring(at);
                case 1 -> doc.substring(0, at) + doc.substring(at + 1);
                default -> doc.substring(0, at) + edits[r.nextInt(edits.length)] + doc.substring(at + 1);
            };
            refused += assertSameAsGraalJs(broken) ? 1 : 0;
        }
        assertThat(refused).as("most edits break the document").isGreaterThan(1000);
    }

    /** Asserts both sides agree on {@code text}; returns whether they refused it. */
    private static boolean assertSameAsGraalJs(String text) {
        String theirs = graalParse.execute(text).asString();
        String mine;
        try {
            mine = canon(JsonParseValues.parse(text, 0));
        } catch (JsThrow e) {
            mine = e.name;
        }
        assertThat(mine).as("JSON.parse of %s", text.length() > 200 ? text.substring(0, 200) + "..." : text).isEqualTo(theirs);
        return theirs.equals("SyntaxError");
    }

    @SuppressWarnings("unchecked")
    private static String canon(Object v) {
        if (v == JsValues.NULL) {
            return "null";
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object e : list) {
                parts.add(canon(e));
            }
            return "[" + String.join(",", parts) + "]";
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Object> e : new TreeMap<>((Map<String, Object>) map).entrySet()) {
                parts.add(canon(e.getKey()) + ":" + canon(e.getValue()));
            }
            return "{" + String.join(",", parts) + "}";
        }
        if (v instanceof Double d) {
            return d == 0 && 1 / d < 0 ? "-0" : JsNumbers.toString(d);
        }
        if (v instanceof String s) {
            List<String> units = new ArrayList<>();
            for (int i = 0; i < s.length(); i++) {
                units.add(Integer.toHexString(s.charAt(i)));
            }
            return "s" + String.join(".", units);
        }
        return String.valueOf(v);
    }
}
