package dev.tracex.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's records processed in parallel on a pool of 8 threads: every task sees its own record's context
 * (tracex's current(), OpenTelemetry, MDC) and nothing stays on a pool thread for the next record or invocation.
 */
class TracexContextTest {
    private static final int RECORDS = 24;
    // Started before any context exists: SLF4J's basic MDC is inherited by threads a thread starts.
    private static final ThreadPoolExecutor THREADS = (ThreadPoolExecutor) Executors.newFixedThreadPool(8);

    static {
        THREADS.prestartAllCoreThreads();
    }

    @AfterAll
    static void stop() {
        THREADS.shutdownNow();
    }

    @Test
    void wrappedPoolOf8_everyTaskSeesItsRecordsContext_noneLeaksToOtherRecordsOrTheNextInvocation() throws Exception {
        ExecutorService pool = TracexContext.wrap(THREADS);
        Queue<TracexBatchTest.Seen> seen = new ConcurrentLinkedQueue<>();
        for (int invocation = 0; invocation < 3; invocation++) {
            String[] traces = new String[RECORDS];
            for (int i = 0; i < RECORDS; i++) {
                traces[i] = i % 5 == 4 ? null : String.valueOf(1000 * (invocation + 1) + i);
            }
            int n = invocation;
            SQSBatchResponse r = TracexBatchTest.invoke(SQSEvent.class, TracexBatchTest.sqsEvent(TracexBatchTest.QUEUE, traces),
                    (SQSEvent e, com.amazonaws.services.lambda.runtime.Context c) -> TracexBatch.processSqs(e, (message, record) -> {
                        String id = n + "/" + message.getMessageId();
                        List<Future<?>> parts = new ArrayList<>();
                        for (int k = 0; k < 3; k++) {
                            parts.add(pool.submit(() -> seen.add(TracexBatchTest.Seen.now(id))));
                        }
                        parts.add(pool.submit((Callable<Boolean>) () -> seen.add(TracexBatchTest.Seen.now(id))));
                        Future<?> wrapped = THREADS.submit(TracexContext.wrap(() -> {
                            seen.add(TracexBatchTest.Seen.now(id));
                        }));
                        parts.add(wrapped);
                        for (Future<?> f : parts) {
                            f.get(10, TimeUnit.SECONDS);
                        }
                    }));
            assertThat(r.getBatchItemFailures()).isEmpty();
            assertThat(probeEveryThread()).as("what the 8 pool threads hold after invocation %d", invocation)
                    .hasSize(8).allMatch(s -> s.current() == null && s.mdc() == null && s.otelTrace() == null);
            // Records without a context run under the invocation's: record 0's, which has one.
            for (TracexBatchTest.Seen s : seen) {
                int record = Integer.parseInt(s.id().substring(s.id().indexOf("/m") + 2));
                int inv = Integer.parseInt(s.id().substring(0, s.id().indexOf('/')));
                String expected = String.valueOf(1000 * (inv + 1) + (record % 5 == 4 ? 0 : record));
                assertThat(s.current()).as("current() in %s", s).isEqualTo(expected);
                assertThat(s.mdc()).as("MDC in %s", s).isEqualTo(expected);
                assertThat(s.otelTrace()).as("OpenTelemetry in %s", s).isEqualTo(String.format("%032x", Long.parseLong(expected)));
            }
        }
        assertThat(seen).hasSize(3 * RECORDS * 5);
    }

    @Test
    void wrap_taskThrows_theThreadsOwnContextIsBack() throws Exception {
        org.slf4j.MDC.put("dd.trace_id", "77");
        Runnable failing;
        try {
            failing = TracexContext.wrap((Runnable) () -> {
                throw new IllegalStateException("boom");
            });
        } finally {
            org.slf4j.MDC.clear();
        }

        Future<?> f = THREADS.submit(failing);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> f.get(10, TimeUnit.SECONDS)))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(probeEveryThread()).allMatch(s -> s.mdc() == null);
    }

    /** One unwrapped task on each of the 8 threads at once. */
    private static List<TracexBatchTest.Seen> probeEveryThread() throws Exception {
        CyclicBarrier all = new CyclicBarrier(8);
        List<Future<TracexBatchTest.Seen>> probes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            probes.add(THREADS.submit(() -> {
                all.await(10, TimeUnit.SECONDS);
                return TracexBatchTest.Seen.now(Thread.currentThread().getName());
            }));
        }
        List<TracexBatchTest.Seen> out = new ArrayList<>();
        for (Future<TracexBatchTest.Seen> f : probes) {
            out.add(f.get(20, TimeUnit.SECONDS));
        }
        assertThat(out).extracting(TracexBatchTest.Seen::id).doesNotHaveDuplicates();
        return out;
    }
}
