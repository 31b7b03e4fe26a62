package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.propagation.PropagationStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.tracex.engine.script.JsTesting.compile;
import static dev.tracex.engine.script.JsTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class ScriptResultsTest {
    private static final JsonNode EVENT = json("{\"_datadog\": {\"x-datadog-trace-id\": \"1234567890123\","
            + " \"x-datadog-parent-id\": \"987654321\", \"x-datadog-sampling-priority\": \"2\"}}");

    static Stream<Arguments> shapes() {
        return Stream.of(
                argumentSet("Node object, decimal strings (datadog-lambda-js)",
                        "(p) => ({ traceID: p._datadog['x-datadog-trace-id'], parentID: p._datadog['x-datadog-parent-id'],"
                                + " sampleMode: parseInt(p._datadog['x-datadog-sampling-priority'], 10), source: 'event' })",
                        "1234567890123", 987654321L, 2, "js"),
                argumentSet("Node object, numbers",
                        "(p) => ({ traceID: 1234567890123, parentID: 987654321, sampleMode: 2 })",
                        "1234567890123", 987654321L, 2, "js"),
                argumentSet("Node object, sampleMode NaN (parseInt of nothing): priority absent",
                        "(p) => ({ traceID: '1234567890123', parentID: '987654321', sampleMode: parseInt(undefined, 10) })",
                        "1234567890123", 987654321L, null, "js"),
                argumentSet("Node object, the current spelling traceId/parentId",
                        "(p) => ({ traceId: '1234567890123', parentId: '987654321', sampleMode: 2, source: 'event' })",
                        "1234567890123", 987654321L, 2, "js"),
                argumentSet("Node object, both spellings: the current one wins",
                        "(p) => ({ traceId: '1234567890123', traceID: '5', parentId: 987654321, parentID: '6', sampleMode: 2 })",
                        "1234567890123", 987654321L, 2, "js"),
                argumentSet("Node object, current spelling empty: the deprecated one counts (traceId || traceID)",
                        "(p) => ({ traceId: '', traceID: '1234567890123', parentId: 0, parentID: '987654321', sampleMode: 2 })",
                        "1234567890123", 987654321L, 2, "js"),
                argumentSet("Python tuple (datadog-lambda-python)",
                        "(p) => [p._datadog['x-datadog-trace-id'], p._datadog['x-datadog-parent-id'], 2]",
                        "1234567890123", 987654321L, 2, "js"),
                argumentSet("Python tuple without priority",
                        "(p) => ['1234567890123', 987654321]",
                        "1234567890123", 987654321L, null, "js"),
                argumentSet("Python tuple, priority as text",
                        "(p) => ['1234567890123', '987654321', '-1']",
                        "1234567890123", 987654321L, -1, "js"),
                argumentSet("Go headers object (datadog-lambda-go)",
                        "(p) => p._datadog",
                        "1234567890123", 987654321L, 2, "datadog"),
                argumentSet("Go headers object built in JS, W3C",
                        "(p) => ({ traceparent: '00-00000000000000000000011f71fb04cb-000000003ade68b1-01' })",
                        "1234567890123", 987654321L, 1, "tracecontext"),
                argumentSet("async function (Promise of a Node object)",
                        "async (p) => { await null; return { traceID: '1234567890123', parentID: '987654321', sampleMode: 2 }; }",
                        "1234567890123", 987654321L, 2, "js"));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void extract_resultShape_isRead(String code, String traceId, long parentId, Integer priority, String format) throws Exception {
        Extraction e = compile("shape", code).extract(EVENT, InvocationContext.NONE);

        TraceContext c = e.parent().orElseThrow();
        assertThat(c.traceId()).isEqualTo(traceId);
        assertThat(c.parentId()).isEqualTo(parentId);
        assertThat(c.samplingPriority().isPresent() ? c.samplingPriority().getAsInt() : null).isEqualTo(priority);
        assertThat(c.format()).isEqualTo(format);
        assertThat(c.rule()).isEqualTo("shape");
    }

    @Test
    void extract_goHeadersWithStyles_usesOnlyThoseStyles() throws Exception {
        ScriptSource s = new ScriptSource("w3c", "(p) => ({ 'x-datadog-trace-id': '1', 'x-datadog-parent-id': '2',"
                + " traceparent: '00-00000000000000000000011f71fb04cb-000000003ade68b1-01' })",
                "t.yaml", 1, 1, 0, List.of(PropagationStyle.TRACECONTEXT));
        Extraction e = JsTesting.SUPPORT.compile(s).extract(EVENT, InvocationContext.NONE);

        assertThat(e.parent().orElseThrow().format()).isEqualTo("tracecontext");
        assertThat(e.parent().orElseThrow().parentId()).isEqualTo(987654321L);
    }

    static Stream<Arguments> noContext() {
        return Stream.of(
                argumentSet("null", "(p) => null"),
                argumentSet("undefined", "(p) => undefined"),
                argumentSet("no return", "(p) => { const x = 1; }"),
                argumentSet("Node object without ids", "(p) => ({ traceID: undefined, parentID: undefined, sampleMode: 1 })"),
                argumentSet("Node object, trace id not decimal", "(p) => ({ traceID: 'abc', parentID: '2' })"),
                argumentSet("Node object, id zero", "(p) => ({ traceID: '0', parentID: '2' })"),
                argumentSet("Node object, id a fraction", "(p) => ({ traceID: 1.5, parentID: 2 })"),
                argumentSet("Node object, id above 2^64-1", "(p) => ({ traceID: '18446744073709551616', parentID: '2' })"),
                argumentSet("headers object with no valid headers", "(p) => ({ foo: 'bar' })"),
                argumentSet("throws", "(p) => { throw new Error('boom'); }"),
                argumentSet("throws a string", "(p) => { throw 'boom'; }"),
                argumentSet("rejected Promise", "async (p) => { throw new TypeError('boom'); }"));
    }

    @ParameterizedTest
    @MethodSource("noContext")
    void extract_nullOrUnusable_isNoContextWithoutWarning(String code) throws Exception {
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            assertThat(compile("none", code).extract(EVENT, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(logs.lines()).noneMatch(l -> l.startsWith("WARN"));
        }
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                argumentSet("a string", "(p) => p._datadog['x-datadog-trace-id']", "a string"),
                argumentSet("a number", "(p) => 42", "a number"),
                argumentSet("a boolean", "(p) => true", "a boolean"),
                argumentSet("a function", "(p) => () => 1", "a function"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void extract_garbage_isNoContextAndOneWarningWithoutEventContent(String code, String kind) throws Exception {
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            assertThat(compile("garbage", code).extract(EVENT, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(logs.lines()).containsExactly("WARN rule \"garbage\": returned " + kind
                    + "; expected {traceId, parentId, sampleMode}, [trace_id, parent_id, sampling_priority], an object of headers, or null");
        }
    }

    @Test
    void extract_arrayOfWrongLength_isOneWarning() throws Exception {
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            assertThat(compile("tuple", "(p) => [1, 2, 3, 4]").extract(EVENT, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(logs.lines()).containsExactly(
                    "WARN rule \"tuple\": returned an array of 4 values; expected [trace_id, parent_id, sampling_priority]");
        }
    }

    @Test
    void extract_promiseThatNeverSettles_isOneWarning() throws Exception {
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            assertThat(compile("forever", "(p) => new Promise(() => {})").extract(EVENT, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(logs.lines()).containsExactly(
                    "WARN rule \"forever\": returned a Promise that did not settle when the call returned: no context");
        }
    }

    @Test
    void extract_lambdaContext_isTheSecondArgument() throws Exception {
        CompiledScript s = compile("ctx", "(p, context) => ({ traceID: context.clientContext.custom.traceId,"
                + " parentID: context.clientContext.custom.spanId, sampleMode: context.functionName === 'fn' ? 1 : 0 })");
        JsonNode lambda = json("{\"awsRequestId\": \"r-1\", \"functionName\": \"fn\","
                + " \"clientContext\": {\"custom\": {\"traceId\": \"77\", \"spanId\": \"88\"}}}");

        TraceContext c = s.extract(json("{}"), () -> lambda).parent().orElseThrow();

        assertThat(c.traceId()).isEqualTo("77");
        assertThat(c.parentId()).isEqualTo(88L);
        assertThat(c.samplingPriority().getAsInt()).isEqualTo(1);
    }

    @Test
    void extract_noLambdaContext_passesAnEmptyObject() throws Exception {
        CompiledScript s = compile("noctx", "(p, context) => typeof context === 'object' && context !== null"
                + " && Object.keys(context).length === 0 ? ['1', '2'] : null");

        assertThat(s.extract(json("{}"), InvocationContext.NONE).parent()).isPresent();
    }
}
