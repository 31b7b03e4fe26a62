package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;

import static dev.tracex.engine.script.JsTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * The event as JS sees it is the same whichever way it is passed: proxies and converted maps must
 * behave like {@code JSON.parse} of the event's text, which is what a Node extractor gets.
 */
class JsonProxiesTest {
    private static final JsonNode EVENT = json("{\"Records\": [{\"messageId\": \"m1\", \"n\": 1, \"attrs\": {\"a\": \"x\"}},"
            + " {\"messageId\": \"m2\", \"n\": 2.5, \"attrs\": {}}], \"big\": 1152921504606846977, \"neg\": -7,"
            + " \"flag\": false, \"nothing\": null, \"text\": \"caf\\u00e9\", \"nested\": {\"deep\": {\"deeper\": [1, [2, 3]]}}}");

    private static final List<String> OBSERVATIONS = List.of(
            "Array.isArray(p.Records)",
            "p.Records.length",
            "p.Records.map(r => r.messageId).join()",
            "p.Records.filter(r => r.n > 1).length",
            "p.Records.find(r => r.messageId === 'm2').n",
            "p.Records.slice(1)[0].messageId",
            "Object.keys(p).join()",
            "Object.keys(p.Records[0]).join()",
            "Object.entries(p.Records[0].attrs).join()",
            "JSON.stringify(p)",
            "JSON.stringify(p.Records[0])",
            "p.missing === undefined",
            "p.nothing === null",
            "'Records' in p",
            "'missing' in p",
            "Object.prototype.hasOwnProperty.call(p, 'flag')",
            "p.Records[0] === p.Records[0]",
            "p.Records[5] === undefined",
            "typeof p.big + ' ' + String(p.big)",
            "typeof p.Records[1].n + ' ' + p.Records[1].n",
            "p.neg * 2",
            "typeof p.flag + ' ' + (p.flag === false)",
            "p.text.length + ' ' + p.text.toUpperCase()",
            "p.nested.deep.deeper[1][1]",
            "Array.isArray(p.nested.deep.deeper[1])",
            "JSON.stringify({ ...p.Records[0] })",
            "(() => { const ks = []; for (const k in p.Records[0]) ks.push(k); return ks.join(); })()",
            "(() => { const [first, second] = p.Records; return first.messageId + second.messageId; })()",
            "(() => { const { messageId, ...rest } = p.Records[0]; return messageId + Object.keys(rest).join(); })()",
            "(() => { p.added = 'y'; return p.added + Object.keys(p).length + ('added' in p); })()",
            "(() => { delete p.flag; return ('flag' in p) + ' ' + Object.keys(p).join(); })()",
            "(() => { const a = p.Records[0].attrs; a.b = 1; return JSON.stringify(p.Records[0].attrs); })()",
            "typeof p + ' ' + typeof p.Records + ' ' + String(p.Records[0].attrs)");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String o : OBSERVATIONS) {
            for (EventPassing passing : List.of(EventPassing.PROXY, EventPassing.CONVERTED)) {
                out.add(argumentSet(passing + ": " + o, o, passing));
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void call_observation_isTheSameAsWithJsonParse(String observation, EventPassing passing) throws Exception {
        assertThat(observe(observation, passing)).isEqualTo(observe(observation, EventPassing.JSON_TEXT));
    }

    /** One context per way of passing: a snippet holding every observation, the one to run chosen by the context argument. */
    private static final Map<EventPassing, JsRuntime> RUNTIMES = new EnumMap<>(EventPassing.class);

    private static String observe(String observation, EventPassing passing) throws ScriptFailure {
        JsRuntime r = RUNTIMES.get(passing);
        if (r == null) {
            StringBuilder code = new StringBuilder("(p, c) => String([\n");
            for (String o : OBSERVATIONS) {
                code.append("  () => ").append(o).append(",\n");
            }
            code.append("][c.i]())");
            r = new ScriptPool(JsTesting.snippet("observe", code.toString()), false, JsTesting.SMALL, passing).open();
            RUNTIMES.put(passing, r);
        }
        JsonNode which = json("{\"i\": " + OBSERVATIONS.indexOf(observation) + "}");
        return r.call(ScriptPool.SNIPPET, EVENT, which, passing).asString();
    }

    @AfterAll
    static void close() {
        RUNTIMES.values().forEach(JsRuntime::close);
    }
}
