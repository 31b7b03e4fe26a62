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
            argumentSet("async, throwing", "async (p) => [p.headers.traceId, p.headers.parentId]"),
            argumentSet("async function and async arrow of one parameter", """
                (async function (p) {
                  if (!p.meta) return null;
                  return { traceId: p.meta.traceId, parentId: p.meta.spanId, sampleMode: p.meta.sampled };
                })"""),
            argumentSet("async arrow, one parameter", "async p => p.foo"),
            argumentSet("empty defaults", """
                (p) => {
                  const h = p.headers || {};
                  const r = p.Records ?? [];
                  if (h.traceId) return [h.traceId, h.parentId, r.length];
                  return (p.meta ?? {})['traceId'] ? [p.meta.traceId, p.meta.spanId] : [];
                }"""),
            argumentSet("empty values as text and types", """
                (p) => ({ traceparent: `${p.detail ?? []}${{}}`, tracestate: typeof (p.headers || []),
                          'x-datadog-trace-id': JSON.parse(p._datadog ?? '{}')['x-datadog-trace-id'] ?? String([]), 'x-datadog-parent-id': '1' })"""),
            argumentSet("empty object returned as headers", "(p) => p.headers || {}"),
            argumentSet("try and catch", """
                (p) => {
                  try {
                    const h = JSON.parse(atob(p._datadog));
                    return [h['x-datadog-trace-id'], h['x-datadog-parent-id']];
                  } catch (e) {
                    try { return JSON.parse(Buffer.from(p.Records[0].kinesis.data, 'base64').toString())._datadog; }
                    catch { if (p.meta) return { traceId: p.meta.traceId, parentId: p.meta.spanId }; }
                  }
                  return p.headers.traceparent ? { traceparent: p.headers.traceparent } : null;
                }"""),
            argumentSet("assignments", """
                (p, c) => {
                  let h = p.headers?.traceId;
                  let n;
                  var s = '0';
                  if (!h) {
                    h = p.meta?.traceId;
                    if (typeof h !== 'string') { const d = p._datadog; h = d?.traceId ?? d?.['x-datadog-trace-id']; }
                  } else n = p.headers.parentId;
                  if (n === undefined) n = p.meta?.spanId;
                  if (p.detail) s = String(p.detail);
                  c = undefined;
                  return [h, n, s, c];
                }"""),
            argumentSet("object literals as values, logged", """
                (p) => {
                  const r = { traceID: p.meta?.traceId, parentID: p.meta?.spanId, sampleMode: 1, nested: [p.detail, {}] };
                  console.log(JSON.stringify(r));
                  console.info('found', p.headers, JSON.stringify(p.detail, null, 2), r.nested[0]);
                  if (r.traceID) return r;
                  const o = ({ a: [r.parentID, r['sampleMode'], r.length] }).a;
                  return o[0] === undefined ? null : o;
                }"""),
            argumentSet("console arguments that throw", """
                (p) => {
                  console.log('headers', p.headers.traceId);
                  console.debug(JSON.stringify(p.meta.spanId));
                  return [p.headers.traceId, p.meta.spanId];
                }"""),
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

    /**
     * The survey of issue 27: extractors people write, as Node modules ({@code exports.x = (event, context) => ...}),
     * written here after their sources (cited per case), with the reason each one that is not compiled gives, or
     * {@code null} for compiled. Python extractors are translated into the equivalent JS as test inputs; OpenTelemetry's
     * {@code eventContextExtractor}s return a context, translated into the Go-style headers object tracex reads.
     */
    static Stream<Arguments> survey() {
        return Stream.of(
            // Datadog docs, DataDog/documentation content/en/serverless/distributed_tracing/serverless_trace_propagation.md
            argumentSet("Datadog docs: json (the seed)", """
                exports.json = (payload) => {
                  const d = payload._datadog
                  const traceID = d["x-datadog-trace-id"];
                  const parentID = d["x-datadog-parent-id"];
                  const sampleMode = parseInt(d["x-datadog-sampling-priority"], 10);
                  return { parentID, sampleMode, source: 'event', traceID };
                };""", null),
            argumentSet("Datadog docs: sns, with its debug line", """
                exports.sns = (event, context) => {
                  const d = JSON.parse(event.Records[0].Sns.MessageAttributes._datadog.Value);
                  const result = { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"],
                                   sampleMode: parseInt(d["x-datadog-sampling-priority"], 10), source: 'event' };
                  console.log(JSON.stringify(result));
                  return result
                }""", null),
            argumentSet("Datadog docs: sns, without its debug line", """
                exports.sns = (event, context) => {
                  const d = JSON.parse(event.Records[0].Sns.MessageAttributes._datadog.Value);
                  return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"],
                           sampleMode: parseInt(d["x-datadog-sampling-priority"], 10), source: 'event' };
                }""", null),
            argumentSet("Datadog docs: kinesis", """
                exports.kinesis = (event, context) => {
                  const text = Buffer.from(event.Records[0].kinesis.data, 'base64').toString('utf-8')
                  const d = JSON.parse(text)._datadog;
                  const sampleMode = parseInt(d["x-datadog-sampling-priority"], 10);
                  return { parentID: d["x-datadog-parent-id"], sampleMode, source: 'event', traceID: d["x-datadog-trace-id"] };
                };""", null),
            argumentSet("Datadog docs: eventBridge", """
                exports.eventBridge = (event, context) => {
                  const d = event.detail._datadog
                  return { parentID: d["x-datadog-parent-id"], sampleMode: parseInt(d["x-datadog-sampling-priority"], 10),
                           source: 'event', traceID: d["x-datadog-trace-id"] };
                };""", null),
            // DataDog/datadog-lambda-js pull request 151 (DD_TRACE_EXTRACTOR): the Lambda client context's custom._datadog
            argumentSet("datadog-lambda-js #151: client context", """
                exports._extractor = (event, context) => {
                  const d = context.clientContext.custom._datadog;
                  return { traceID: d["x-datadog-trace-id"], parentID: d["x-datadog-parent-id"],
                           sampleMode: parseInt(d["x-datadog-sampling-priority"], 10), source: 'event' };
                };""", null),
            // DataDog/datadog-lambda-js src/trace/context/extractors/custom.spec.ts: sync and async, current and legacy names
            argumentSet("datadog-lambda-js custom.spec: sync", """
                exports.sync = (event, _context) => {
                  const traceId = event.foo["x-datadog-trace-id"];
                  const parentId = event.foo["x-datadog-parent-id"];
                  const sampleMode = parseInt(event.foo["x-datadog-sampling-priority"], 10);
                  return { parentId, sampleMode, source: 'event', traceId };
                };""", null),
            argumentSet("datadog-lambda-js custom.spec: async legacy", """
                exports.asyncLegacy = async (event, _context) => {
                  const traceID = event.foo["x-datadog-trace-id"];
                  const parentID = event.foo["x-datadog-parent-id"];
                  const sampleMode = parseInt(event.foo["x-datadog-sampling-priority"], 10);
                  return { parentID, sampleMode, source: 'event', traceID };
                };""", null),
            // DataDog/datadog-lambda-js src/trace/context/extractors/{sqs,sns,kinesis}.ts: the library's own readers
            argumentSet("datadog-lambda-js sqs.ts: text or base64 attribute", """
                exports.sqs = (event) => {
                  let headers = event?.Records?.[0]?.messageAttributes?._datadog?.stringValue;
                  if (!headers) {
                    const encoded = event?.Records?.[0]?.messageAttributes?._datadog?.binaryValue;
                    if (encoded) headers = Buffer.from(encoded, "base64").toString("ascii");
                  }
                  return headers ? JSON.parse(headers) : null;
                };""", null),
            argumentSet("datadog-lambda-js sqs.ts, as one expression", """
                exports.sqs = (event) => {
                  const a = event?.Records?.[0]?.messageAttributes?._datadog;
                  const headers = a?.stringValue || (a?.binaryValue ? Buffer.from(a.binaryValue, "base64").toString("ascii") : undefined);
                  return headers ? JSON.parse(headers) : null;
                };""", null),
            argumentSet("datadog-lambda-js sns.ts: String or base64 by Type", """
                exports.sns = (event) => {
                  const a = event?.Records?.[0]?.Sns?.MessageAttributes?._datadog;
                  if (!a?.Value) return null;
                  if (a.Type === "String") return JSON.parse(a.Value);
                  return JSON.parse(Buffer.from(a.Value, "base64").toString("ascii"));
                };""", null),
            argumentSet("datadog-lambda-js kinesis.ts, with its try", """
                exports.kinesis = (event) => {
                  try {
                    const data = event?.Records?.[0]?.kinesis?.data;
                    if (!data) return null;
                    return JSON.parse(Buffer.from(data, "base64").toString("ascii"))?._datadog ?? null;
                  } catch (error) {
                    return null;
                  }
                };""", null),
            argumentSet("datadog-lambda-js lambda-context.ts: custom or custom._datadog", """
                exports.clientContext = (event, context) => {
                  const custom = context.clientContext?.custom;
                  if (!custom || typeof custom !== "object") return null;
                  return custom._datadog !== undefined ? custom._datadog : custom;
                };""", null),
            // Python, translated into JS: DataDog/documentation's sample extractors (json, SNS, Kinesis, EventBridge)
            // return (trace_id, parent_id, sampling_priority); DataDog/datadog-lambda-python tests/test_tracing.py
            // test_with_extractor_function lower-cases the keys; datadog_lambda/tracing.py decodes binaryValue with b64decode
            argumentSet("Python docs (in JS): json", """
                exports.extractor = (payload) => {
                  const h = JSON.parse(payload._datadog);
                  return [h["x-datadog-trace-id"], h["x-datadog-parent-id"], h["x-datadog-sampling-priority"]];
                };""", null),
            argumentSet("Python docs (in JS): SNS", """
                exports.extractor = (event, context) => {
                  const h = JSON.parse(event.Records[0].Sns.MessageAttributes._datadog.Value);
                  return [h["x-datadog-trace-id"], h["x-datadog-parent-id"], h["x-datadog-sampling-priority"]];
                };""", null),
            argumentSet("Python docs (in JS): Kinesis, as the page writes it (no base64)", """
                exports.extractor = (event, context) => {
                  const d = JSON.parse(event.Records[0].kinesis.data)._datadog;
                  return [d["x-datadog-trace-id"], d["x-datadog-parent-id"], d["x-datadog-sampling-priority"]];
                };""", null),
            argumentSet("Python docs (in JS): EventBridge", """
                exports.extractor = (event, context) => {
                  const h = JSON.parse(event.detail._datadog);
                  return [h["x-datadog-trace-id"], h["x-datadog-parent-id"], h["x-datadog-sampling-priority"]];
                };""", null),
            argumentSet("Python tests (in JS): lower-cased keys", """
                exports.extractor = (event, context) => {
                  const foo = Object.fromEntries(Object.entries(event.foo ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
                  return [foo["x-datadog-trace-id"], foo["x-datadog-parent-id"], foo["x-datadog-sampling-priority"]];
                };""", "the name Object at t.js:2:15"),
            argumentSet("Python library (in JS): SQS binaryValue", """
                exports.extractor = (event) => {
                  const a = event.Records[0].messageAttributes._datadog;
                  return JSON.parse(Buffer.from(a.binaryValue, 'base64').toString());
                };""", null),
            // OpenTelemetry, open-telemetry/opentelemetry-js-contrib aws-lambda eventContextExtractor (PR 566, issue 855)
            // and the opentelemetry-lambda layer's: HTTP headers, the client context's Custom, SNS attributes' Value
            argumentSet("OpenTelemetry: HTTP headers or nothing", "exports.otel = (event) => event.headers || {};", null),
            argumentSet("OpenTelemetry: client context Custom", """
                exports.otel = (event, context) => context.clientContext?.Custom ?? event?.headers;""", null),
            argumentSet("OpenTelemetry: SNS attributes' Value", """
                exports.otel = (event) => {
                  const a = event.Records?.[0]?.Sns?.MessageAttributes;
                  return { traceparent: a?.traceparent?.Value, tracestate: a?.tracestate?.Value };
                };""", null),
            // DataDog/documentation's Go sample (SQS attributes, keys lower-cased in a loop), in JS
            argumentSet("Go docs (in JS): SQS attributes in a loop", """
                exports.sqs = (event) => {
                  if (event.Records?.length !== 1) return {};
                  const out = {};
                  for (const [k, v] of Object.entries(event.Records[0].messageAttributes)) out[k.toLowerCase()] = v.stringValue;
                  return out;
                };""", "a statement starting with 'for' at t.js:4:3"));
    }

    @ParameterizedTest
    @MethodSource("survey")
    void extract_survey_compiledSameAsGraalJsOrSaysWhy(String code, String outside) throws Exception {
        ScriptSource module = new ScriptSource("module", code, "t.js", 1, 1, 0, PropagationStyle.DEFAULTS);
        JsSubset.ModuleAttempt attempt = JsSubset.compileModule(module);
        Map<String, CompiledScript> graal = GRAAL.compileModule(module);

        assertThat(attempt.outside()).isEqualTo(outside);
        assertThat(graal).isNotEmpty();
        if (outside == null) {
            assertThat(attempt.compiled().keySet()).containsExactlyElementsOf(graal.keySet());
            for (String name : graal.keySet()) {
                sameOnEvery(attempt.compiled().get(name), graal.get(name));
            }
        }
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
