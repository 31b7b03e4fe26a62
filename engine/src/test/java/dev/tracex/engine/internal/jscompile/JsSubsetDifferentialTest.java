package dev.tracex.engine.internal.jscompile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.propagation.PropagationStyle;
import dev.tracex.engine.script.GraalScriptSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every snippet of the corpus compiles from the subset and gives, on every generated event, the same extraction
 * and the same log lines as the same snippet on GraalJS (real GraalJS, as a function runs it).
 */
class JsSubsetDifferentialTest {
    private static final GraalScriptSupport GRAAL = new GraalScriptSupport();
    private static final List<JsonNode> EVENTS = GeneratedEvents.generate(27, 600);
    private static final InvocationContext CONTEXT = () -> {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("awsRequestId", "1234").put("functionName", "56").put("memoryLimitInMB", 512);
        c.putObject("clientContext").putObject("custom").put("traceId", "77").put("spanId", 88);
        return c;
    };

    static Stream<Arguments> corpus() {
        return Stream.of(
            argumentSet("seed, as a snippet", """
                (payload) => {
                    const traceData = payload._datadog
                    const traceID = traceData["x-datadog-trace-id"];
                    const parentID = traceData["x-datadog-parent-id"];
                    const sampledHeader = traceData["x-datadog-sampling-priority"];
                    const sampleMode = parseInt(sampledHeader, 10);

                    return {
                      parentID,
                      sampleMode,
                      source: 'event',
                      traceID,
                    };
                }"""),
            argumentSet("README legacy", """
                (payload, context) => {
                  const d = payload._datadog;
                  return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"],
                           sampleMode: parseInt(d["x-datadog-sampling-priority"], 10), source: "event" };
                }"""),
            argumentSet("README go_style", "(payload) => JSON.parse(payload.Records[0].body).headers"),
            argumentSet("benchmarks orders_js", "(event) => JSON.parse(event.Records[0].messageAttributes._datadog.stringValue)"),
            argumentSet("benchmarks payments_js", """
                (payload, context) => {
                  const d = payload.meta;
                  return { traceID: d.traceId, parentID: d.spanId, sampleMode: d.sampled };
                }"""),
            argumentSet("engine tests: headers object", "(p) => p._datadog"),
            argumentSet("engine tests: tuple", "(p) => [p._datadog['x-datadog-trace-id'], p._datadog['x-datadog-parent-id'], 2]"),
            argumentSet("engine tests: Node object", "(p) => ({ traceID: p._datadog['x-datadog-trace-id'], parentID: p._datadog['x-datadog-parent-id'], sampleMode: 1 })"),
            argumentSet("engine tests: current and deprecated names", "(p) => ({ traceId: '', traceID: '1234567890123', parentId: 0, parentID: '987654321', sampleMode: 2 })"),
            argumentSet("engine tests: numbers", "(p) => ({ traceID: 1.5, parentID: 2 })"),
            argumentSet("engine tests: four values", "(p) => [1, 2, 3, 4]"),
            argumentSet("engine tests: a number", "(p) => 42"),
            argumentSet("engine tests: null", "(p) => null"),
            argumentSet("engine tests: no return", "(p) => { const x = 1; }"),
            argumentSet("engine tests: context", "(p, context) => ({ traceID: context.clientContext.custom.traceId, parentID: context.clientContext.custom.spanId })"),
            argumentSet("Python tuple from JSON text", """
                (p) => {
                  const h = JSON.parse(p._datadog);
                  return [h["x-datadog-trace-id"], h["x-datadog-parent-id"], h["x-datadog-sampling-priority"]];
                }"""),
            argumentSet("optional chaining and ??", """
                (p) => ({ traceID: p._datadog?.['x-datadog-trace-id'], parentID: p._datadog?.["x-datadog-parent-id"] ?? '1',
                          sampleMode: Number(p._datadog?.['x-datadog-sampling-priority']) })"""),
            argumentSet("guards", """
                (p) => {
                  if (!p.Records || p.Records.length !== 1) return null;
                  const a = p.Records[0].messageAttributes;
                  if (a == null) return undefined;
                  const s = a._datadog?.stringValue;
                  if (typeof s !== 'string') {
                    return null;
                  } else if (s === '') return [1, 2];
                  return JSON.parse(s);
                }"""),
            argumentSet("template literal", "(p) => ({ traceparent: `00-${p.meta?.traceId}-${p.meta?.spanId}-01` })"),
            argumentSet("conversions to text", """
                (p) => ({ traceId: String(p._datadog?.traceId), parentId: `${p._datadog?.parentId}`,
                          sampleMode: String(p._datadog?.sampleMode) })"""),
            argumentSet("|| and ternaries", """
                (p) => {
                  const d = p._datadog || p.headers || p.meta;
                  if (!d) return null;
                  return { traceId: d.traceId || d["x-datadog-trace-id"], parentId: d.parentId || d['x-datadog-parent-id'],
                           sampleMode: d.sampled ? 1 : d.sampled === 0 ? 0 : -1 };
                }"""),
            argumentSet("parseInt radixes", """
                (p) => {
                  const h = p.headers
                  if (!h) return
                  return { traceId: parseInt(h.traceId, 10), parentId: parseInt(h.parentId), sampleMode: parseInt(h.sampleMode, 16) }
                }"""),
            argumentSet("Number of ids", "(p) => ({ traceId: Number(p.headers?.traceId), parentId: Number(p.headers?.parentId), sampleMode: Number(p.headers?.sampled) })"),
            argumentSet("typeof and strict comparisons", """
                (p) => {
                  const m = p.meta;
                  if (typeof m !== 'object' || m === null) return null;
                  if (m.sampled === false || m.sampled === 0 || m.sampled === '0' || m.sampled === -1) return null;
                  return { traceID: m.traceId, parentID: m.spanId, sampleMode: m.sampled === true ? 1 : m.sampled };
                }"""),
            argumentSet("Go-style headers object", """
                (p) => ({ 'x-datadog-trace-id': p.headers?.traceId, 'x-datadog-parent-id': p.headers?.parentId,
                          'x-datadog-sampling-priority': p.headers?.sampleMode, traceparent: p.headers?.traceparent,
                          'x-datadog-origin': p.detail, tracestate: p.headers?.tracestate })"""),
            argumentSet("Go-style: the event's own headers", "(p) => p.headers"),
            argumentSet("Go-style: parsed headers", "(p) => JSON.parse(p._datadog)"),
            argumentSet("Go-style: every value kind", """
                (p) => ({ traceparent: p.detail, tracestate: p.headers?.tracestate, 'x-datadog-trace-id': p.meta?.traceId,
                          'x-datadog-parent-id': p.meta?.['x-datadog-parent-id'], 'x-datadog-origin': String(p.detail) })"""),
            argumentSet("text conversions as an origin", """
                (p) => ({ 'x-datadog-trace-id': '1', 'x-datadog-parent-id': '2', 'x-datadog-origin': `o${p.detail}`,
                          'x-datadog-tags': `_dd.p.n=${Number(p.detail)},_dd.p.i=${parseInt(p.detail, 10)},_dd.p.h=${parseInt(p.detail)}` })"""),
            argumentSet("length and index of text", """
                (p) => {
                  const t = p._datadog?.traceparent;
                  if (!t || t.length !== 55 || t[2] !== '-' || t['0'] !== '0') return null;
                  return { traceparent: t };
                }"""),
            argumentSet("function expression", "(function (p) { if (p.meta) return [p.meta.traceId, p.meta.spanId]; return null; })"),
            argumentSet("a string returned", "p => p.Records?.[0]?.messageAttributes?._datadog?.stringValue ?? null"),
            argumentSet("blocks, let and var", """
                (p) => {
                  let a = p.headers;
                  { const b = a && a.traceId; if (b) return [b, a.parentId, a['sampleMode']]; }
                  var z = '1';
                  return [z, z];
                }"""),
            argumentSet("numbers as ids", "(p) => ({ traceId: 1e21, parentId: -0, sampleMode: 2.5 })"),
            argumentSet("big numbers as ids", "(p) => ({ traceId: p.headers?.traceId, parentId: 9007199254740993, sampleMode: p.headers?.sampleMode })"),
            argumentSet("array elements and lengths", """
                (p) => {
                  const r = p.Records;
                  return [r?.length, r?.[0]?.body?.length, r?.[1] === undefined ? 3 : 4];
                }"""),
            argumentSet("event root of any type", "(p) => ({ traceId: typeof p, parentId: p === null ? 'x' : `${p}`.length })"),
            argumentSet("returned event array", "(p) => p.detail"),
            argumentSet("base64 JSON of a record body", "(p) => JSON.parse(Buffer.from(p.Records[0].body, 'base64').toString())"),
            argumentSet("base64 JSON text, guarded", """
                (p) => {
                  const d = p._datadog;
                  if (typeof d !== 'string') return null;
                  return JSON.parse(Buffer.from(d, 'base64').toString('utf8'));
                }"""),
            argumentSet("atob of JSON", "(p) => JSON.parse(atob(p.detail))"),
            argumentSet("base64 of any value, as headers", """
                (p) => ({ traceparent: atob(p.headers?.traceparent ?? ''), tracestate: Buffer.from(p.detail ?? '', 'base64url').toString('utf-8'),
                          'x-datadog-origin': Buffer.from(String(p._datadog), 'BASE64').toString('UTF8') })"""),
            argumentSet("base64 of absent and non-string values", "(p) => [Buffer.from(p.detail, 'base64').toString(), atob(p._datadog), 1]"),
            argumentSet("lengths of decoded text", """
                (p) => ({ traceId: `${Buffer.from(String(p.detail), 'base64').toString().length}`, parentId: atob(p.meta?.traceId).length,
                          sampleMode: atob(`${p.Records?.[0]?.body}`) === 'abc' ? 1 : 0 })"""),
            argumentSet("comments and ASI", """
                (p) => {
                  // the headers
                  const h = p.headers /* maybe absent */
                  if (h
                    ) return { traceId: h.traceId, parentId: h.parentId }
                  return
                }""")
        );
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void extract_generatedEvents_sameAsGraalJs(String code) throws Exception {
        ScriptSource source = new ScriptSource("r", code, "t.yaml", 3, 9, 8, PropagationStyle.DEFAULTS);
        JsSubset.Attempt attempt = JsSubset.compile(source);
        assertThat(attempt.outside()).isNull();
        CompiledScript graal = GRAAL.compile(source);
        sameOnEvery(attempt.compiled(), graal);
    }

    /** The repository's Node-style files (the seed's, in examples/) compile whole and answer as on GraalJS. */
    @ParameterizedTest
    @MethodSource("moduleFiles")
    void extract_moduleFiles_sameAsGraalJs(Path file) throws Exception {
        String code = Files.readString(file);
        ScriptSource module = new ScriptSource("module", code, file.getFileName().toString(), 1, 1, 0, PropagationStyle.DEFAULTS);
        JsSubset.ModuleAttempt attempt = JsSubset.compileModule(module);
        assertThat(attempt.outside()).isNull();
        Map<String, CompiledScript> graal = GRAAL.compileModule(module);
        assertThat(attempt.compiled().keySet()).containsExactlyElementsOf(graal.keySet()).isNotEmpty();
        for (String name : graal.keySet()) {
            sameOnEvery(attempt.compiled().get(name), graal.get(name));
        }
    }

    static Stream<Path> moduleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("..", "examples", "src"))) {
            return files.filter(f -> f.toString().endsWith(".js")).toList().stream();
        }
    }

    private static void sameOnEvery(CompiledScript compiled, CompiledScript graal) {
        int found = 0;
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            for (JsonNode event : EVENTS) {
                Extraction mine = compiled.extract(event, CONTEXT);
                List<String> mineLog = new ArrayList<>(log.lines());
                log.clear();
                Extraction theirs = graal.extract(event, CONTEXT);
                List<String> theirLog = new ArrayList<>(log.lines());
                log.clear();
                assertThat(mine).as("event %s", event).isEqualTo(theirs);
                assertThat(mineLog).as("log lines for event %s", event).isEqualTo(theirLog);
                found += mine.parent().isPresent() ? 1 : 0;
            }
        }
        assertThat(found).as("events with a context").isGreaterThanOrEqualTo(0);
    }
}
