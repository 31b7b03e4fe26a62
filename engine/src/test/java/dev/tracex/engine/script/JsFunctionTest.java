package dev.tracex.engine.script;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.script.CompiledScript;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.tracex.engine.script.JsTesting.compile;
import static dev.tracex.engine.script.JsTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/** Sandbox, limits, recovery and concurrency of compiled JS extractors. */
class JsFunctionTest {
    /** Misbehaves when the event says so, else returns a context: proves the next call still works. */
    private static String misbehaving(String badCode) {
        return "(p) => {\n  if (p.bad) {\n    " + badCode + "\n  }\n  return { traceID: '11', parentID: '22', sampleMode: 1 };\n}";
    }

    private static final JsonNode BAD = json("{\"bad\": true}");
    private static final JsonNode GOOD = json("{\"bad\": false}");

    static Stream<Arguments> sandboxed() {
        return Stream.of(
                argumentSet("Java.type", "return Java.type('java.lang.Runtime').getRuntime().exit(3);", "ReferenceError"),
                argumentSet("require('fs')", "return require('fs').readFileSync('/etc/passwd');", "Error"),
                argumentSet("process.exit()", "process.exit(3);", "ReferenceError"),
                argumentSet("Polyglot.eval", "return Polyglot.eval('js', '1');", "ReferenceError"),
                argumentSet("load (reads files)", "load('/etc/passwd');", "ReferenceError"),
                argumentSet("Java packages", "return java.lang.System.exit(3);", "ReferenceError"),
                argumentSet("threads", "new Worker('x.js');", "ReferenceError"),
                argumentSet("timers", "setTimeout(() => 1, 0);", "ReferenceError"),
                argumentSet("throw", "throw new TypeError('no');", "TypeError"),
                argumentSet("deep recursion", "const f = (n) => f(n + 1) + 1; return f(0);", "RangeError"),
                argumentSet("huge string", "return 'x'.repeat(2 ** 30);", "RangeError"),
                argumentSet("huge array", "return new Array(2 ** 32);", "RangeError"),
                argumentSet("huge buffer", "return new ArrayBuffer(2 ** 53);", "RangeError"));
    }

    @ParameterizedTest
    @MethodSource("sandboxed")
    void extract_forbiddenOrFailingCode_isNoContextWithTheErrorsNameAndLine_andTheNextCallWorks(String bad, String error)
            throws Exception {
        CompiledScript s = compile("boxed", misbehaving(bad));
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            assertThat(s.extract(BAD, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(logs.lines()).hasSize(1);
            assertThat(logs.lines().get(0)).matches("DEBUG rule \"boxed\": no context: JS " + error + " at t\\.yaml:3:\\d+");
        }
        assertThat(s.extract(GOOD, InvocationContext.NONE).parent().orElseThrow().traceId()).isEqualTo("11");
    }

    @Test
    void sandbox_hostAndIoGlobals_areAbsent() throws Exception {
        CompiledScript s = compile("globals", "(p) => [typeof Java, typeof Polyglot, typeof process, typeof load,"
                + " typeof print, typeof Packages, typeof java, typeof Graal, typeof setTimeout, typeof Worker, typeof quit, typeof loadWithNewGlobal]"
                + ".every(t => t === 'undefined') ? ['1', '2'] : null");

        assertThat(s.extract(GOOD, InvocationContext.NONE).parent()).isPresent();
    }

    @Test
    void extract_infiniteLoop_isStoppedByTheStatementLimit_andTheNextCallWorks() throws Exception {
        CompiledScript s = compile("loop", misbehaving("while (true) {}"));
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            assertThat(s.extract(BAD, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(logs.lines()).containsExactly("WARN rule \"loop\": no context: stopped: statement limit of 20000 exceeded");
            assertThat(s.extract(GOOD, InvocationContext.NONE).parent()).isPresent();
            assertThat(s.extract(BAD, InvocationContext.NONE).isEmpty()).isTrue();
            assertThat(s.extract(GOOD, InvocationContext.NONE).parent()).isPresent();
            assertThat(logs.lines()).containsExactly("WARN rule \"loop\": no context: stopped: statement limit of 20000 exceeded",
                    "WARN rule \"loop\": no context: stopped: statement limit of 20000 exceeded");
        }
    }

    @Test
    void extract_statementLimit_isPerCall() throws Exception {
        // 1,000 statements per call: 100 calls run 100,000, five times the limit of one call.
        CompiledScript s = compile("many", "(p) => { let n = 0; for (let i = 0; i < 1000; i++) n++; return ['1', String(n)]; }");

        for (int i = 0; i < 100; i++) {
            assertThat(s.extract(GOOD, InvocationContext.NONE).parent().orElseThrow().parentId()).isEqualTo(1000L);
        }
    }

    @Test
    void extract_runsPastTheWallClockLimit_isCancelled_andTheNextCallWorks() throws Exception {
        GraalScriptSupport slowOk = new GraalScriptSupport(
                new ScriptLimits(Long.MAX_VALUE, Duration.ofMillis(200), 2), EventPassing.PROXY);
        CompiledScript s = slowOk.compile(JsTesting.snippet("spin", misbehaving("while (true) {}")));
        try (LogCapture logs = LogCapture.from(LogLevel.DEBUG)) {
            long start = System.nanoTime();
            assertThat(s.extract(BAD, InvocationContext.NONE).isEmpty()).isTrue();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(logs.lines()).containsExactly("WARN rule \"spin\": no context: stopped after 200 ms");
        }
        assertThat(s.extract(GOOD, InvocationContext.NONE).parent()).isPresent();
    }

    @Test
    void extract_globalStateChangedByACall_staysInThatRulesContexts() throws Exception {
        CompiledScript writer = compile("writer", "(p) => { globalThis.leak = 'x'; JSON.parse = () => 1; return null; }");
        CompiledScript reader = compile("reader", "(p) => typeof globalThis.leak === 'undefined' && JSON.parse('2') === 2 ? ['1', '2'] : null");

        writer.extract(GOOD, InvocationContext.NONE);

        assertThat(reader.extract(GOOD, InvocationContext.NONE).parent()).isPresent();
    }

    @Test
    void extract_manyThreadsOnOneExtractor_giveTheSameResultsAsOneThread() throws Exception {
        CompiledScript s = compile("concurrent", "(p, c) => {\n"
                + "  const d = p.Records[0].messageAttributes._datadog;\n"
                + "  let sum = 0;\n"
                + "  for (const r of p.Records) sum += r.n;\n"
                + "  return { traceID: d.trace, parentID: String(sum), sampleMode: d.priority };\n"
                + "}");
        List<JsonNode> events = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            events.add(json("{\"Records\": [{\"n\": " + i + ", \"messageAttributes\": {\"_datadog\": {\"trace\": \"" + (1000 + i)
                    + "\", \"priority\": " + (i % 3) + "}}}, {\"n\": " + (i * 7) + "}]}"));
        }
        List<Extraction> expected = new ArrayList<>();
        for (JsonNode e : events) {
            expected.add(s.extract(e, InvocationContext.NONE));
        }
        assertThat(expected).allMatch(e -> e.parent().isPresent());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Extraction>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    List<Extraction> got = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (JsonNode e : events) {
                            got.add(s.extract(e, InvocationContext.NONE));
                        }
                    }
                    return got;
                }));
            }
            for (Future<List<Extraction>> run : runs) {
                List<Extraction> got = run.get();
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).isEqualTo(expected.get(i % events.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
