package dev.tracex.engine.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.RandomJson;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.LogOutput;
import dev.tracex.engine.logging.Logging;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same compiled extractors (every kind in {@link RuleSuites}) shared by 16 threads for a million
 * extractions give, event by event, exactly what one thread gives, in every input form, with debug
 * logging on (so the per-thread log state is exercised too).
 */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int EXTRACTIONS = 1_000_000;
    private static final int DISTINCT_EVENTS = 2_000;

    /** One event in its three input forms, and the invocation context {@code from: context} rules read. */
    private record Event(byte[] bytes, String text, JsonNode tree, InvocationContext context) {
    }

    @Test
    void extract_sharedBy16Threads_givesEveryEventTheSingleThreadResult() throws Exception {
        List<Extractor> rules = RuleSuites.all();
        List<Event> events = events();
        // Single-threaded, first, with debug off: the expected result of every (event, rule) pair. Its
        // warnings (JS rules of the suite that return a wrong shape for some events) are counted, not printed.
        Extraction[][] expected = new Extraction[events.size()][rules.size()];
        int withContext = 0;
        try (CountingOutput warnings = new CountingOutput(LogLevel.INFO)) {
            for (int i = 0; i < events.size(); i++) {
                for (int r = 0; r < rules.size(); r++) {
                    expected[i][r] = rules.get(r).extract(events.get(i).bytes(), events.get(i).context());
                    withContext += expected[i][r].isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(withContext).as("pairs with a context").isGreaterThan(events.size() / 2);
        try (CountingOutput log = new CountingOutput(LogLevel.DEBUG)) {
            run(rules, events, expected, log);
        }
    }

    private static void run(List<Extractor> rules, List<Event> events, Extraction[][] expected, CountingOutput log) throws Exception {

        AtomicLongArray done = new AtomicLongArray(EXTRACTIONS);
        AtomicLong mismatches = new AtomicLong();
        java.util.Queue<String> firstMismatches = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicLong found = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long millis;
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                workers.add(pool.submit(() -> {
                    start.await();
                    // Interleaved slices, so threads hit the same rules and events at the same time.
                    for (int n = thread; n < EXTRACTIONS; n += THREADS) {
                        int i = n % events.size();
                        int r = (n / events.size()) % rules.size();
                        Event e = events.get(i);
                        Extractor x = rules.get(r);
                        Extraction got = switch (n % 3) {
                            case 0 -> x.extract(e.bytes(), e.context());
                            case 1 -> x.extract(e.text(), e.context());
                            default -> e.tree() == null ? x.extract(e.bytes(), e.context()) : x.extract(e.tree(), e.context());
                        };
                        if (!got.equals(expected[i][r]) && mismatches.incrementAndGet() <= 5) {
                            firstMismatches.add("rule " + x.name() + ", event " + i + " (form " + n % 3 + "): expected "
                                    + expected[i][r] + ", got " + got);
                        }
                        found.addAndGet(got.isEmpty() ? 0 : 1);
                        done.incrementAndGet(n);
                    }
                    return null;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Future<?> w : workers) {
                w.get(120, TimeUnit.SECONDS);
            }
            millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(log.lines.get()).as("debug lines").isLessThanOrEqualTo(EXTRACTIONS - found.get());
        } finally {
            pool.shutdownNow();
        }

        long lost = 0;
        for (int n = 0; n < EXTRACTIONS; n++) {
            lost += done.get(n) == 1 ? 0 : 1;
        }
        assertThat(lost).as("extractions not run exactly once").isZero();
        assertThat(mismatches.get()).as("results that differ from the single-threaded one, the first: %s; warnings: %s", firstMismatches, log.warnings).isZero();
        System.out.printf("reliability: concurrency: %d extractions (%d distinct events x %d rules) on %d threads in %d ms, "
                + "%d with a context, 0 differ from one thread, 0 lost%n",
                EXTRACTIONS, events.size(), rules.size(), THREADS, millis, found.get());
    }

    /** Events shaped like the fuzz seeds (each rule finds a context in some), with fresh ids, and random JSON. */
    private static List<Event> events() throws IOException {
        List<String> templates = new ArrayList<>();
        for (String seed : List.of("datadog_object", "sqs_attribute", "kinesis", "cloudwatch_logs_gzip", "headers_w3c",
                "headers_b3_xray", "fields", "sns", "items", "deep", "wrong_types")) {
            templates.add(resource("/dev/tracex/engine/reliability/ExtractFuzzTestInputs/"
                    + "extract_anyBytes_neverThrowsAndMatchesTheParsedTree/" + seed + ".json"));
        }
        Random random = new Random(8);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < DISTINCT_EVENTS; i++) {
            String text = i % 4 == 3 ? RandomJson.document(random)
                    : templates.get(i % templates.size()).replace("1234", Integer.toString(1000 + i))
                            .replace("5678", Integer.toString(5000 + i));
            JsonNode tree = Json.parseOrNull(text);
            ObjectNode lambda = JsonNodeFactory.instance.objectNode();
            if (tree != null) {
                lambda.putObject("clientContext").putObject("custom").set("_datadog", tree.path("_datadog"));
            }
            events.add(new Event(text.getBytes(StandardCharsets.UTF_8), text, tree, () -> lambda));
        }
        return events;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ConcurrencyTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Counts the engine's lines with debug on, instead of writing them; keeping 1M lines would only measure the heap. */
    private static final class CountingOutput implements LogOutput, AutoCloseable {
        final AtomicLong lines = new AtomicLong();
        /** The distinct warnings (a few), to show beside a failure: e.g. a JS call stopped by its time limit on a loaded machine. */
        final java.util.Set<String> warnings = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final Logging.Setup previous;

        CountingOutput(LogLevel threshold) {
            previous = Logging.swap(new Logging.Setup(threshold, this));
        }

        @Override
        public boolean enabled(LogLevel level, String logger) {
            return true;
        }

        @Override
        public void write(LogLevel level, String logger, String message) {
            lines.incrementAndGet();
            if (level == LogLevel.WARN && warnings.size() < 20) {
                warnings.add(message);
            }
        }

        @Override
        public void close() {
            Logging.swap(previous);
        }
    }
}
