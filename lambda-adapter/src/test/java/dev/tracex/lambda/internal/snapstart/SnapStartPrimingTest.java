package dev.tracex.lambda.internal.snapstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.InvocationContext;
import dev.tracex.lambda.EndedSpans;
import dev.tracex.lambda.TracexLambda;
import dev.tracex.lambda.TracexOpenTelemetry;
import dev.tracex.lambda.TracingHandlerTest;
import dev.tracex.lambda.config.ExtractorResolver;
import dev.tracex.lambda.internal.coldstart.ExtractorHolder;
import dev.tracex.lambda.internal.invocation.InvocationHandOff;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SnapStartPrimingTest {
    @Test
    void registerIfAvailable_withOrgCrac_registersAResourceThatPrimesBeforeCheckpoint() {
        AtomicInteger runs = new AtomicInteger();
        Extractor counting = new Counting(TracingHandlerTest.rule("sqs"), runs);
        Object resource = SnapStartPriming.registerIfAvailable(counting);
        assertThat(resource).isInstanceOf(CracPriming.class);
        assertThat(runs.get()).as("nothing runs at registration").isZero();

        // This JDK has no CRaC, so the checkpoint is simulated by calling the hook the runtime calls.
        ((CracPriming) resource).beforeCheckpoint(null);
        assertThat(runs.get()).as("the invocation path, enough times for the JIT").isEqualTo(SnapStartPriming.RUNS);
        assertThat(((CracPriming) resource).primed()).isEqualTo(1);
    }

    @Test
    void prime_selectedRuleWithLazyFallback_compilesTheFallbackBeforeTheSnapshot() throws Exception {
        AtomicInteger compiled = new AtomicInteger();
        Extractor lazy = Extractors.withLazyFallback(Extractors.builtins().extractor("sqs"), () -> {
            compiled.incrementAndGet();
            return ExtractorResolver.defaultExtractorUnchecked();
        });

        SnapStartPriming.prime(lazy);

        assertThat(compiled).hasValue(1);
        assertThat(lazy.compileDeferred()).extracting(Extractor::name).containsExactly("builtin.default");
    }

    @Test
    void prime_withAnSdkHandedToTracex_exportsNoSpanAndLeavesNothingOnTheThread() {
        EndedSpans ended = new EndedSpans();
        List<String> flushed = new CopyOnWriteArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(ended).build()) {
            assertThat(TracexOpenTelemetry.register(OpenTelemetrySdk.builder().setTracerProvider(provider).build(),
                    () -> flushed.add("flush"))).isTrue();
            try {
                SnapStartPriming.prime(TracingHandlerTest.rule("sqs"));
            } finally {
                TracexOpenTelemetry.unregister();
            }
        }

        assertThat(ended.spans()).as("spans exported by priming").isEmpty();
        assertThat(flushed).isEmpty();
        assertThat(InvocationHandOff.openOrNull()).isNull();
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
        assertThat(MDC.get("dd.trace_id")).isNull();
    }

    @Test
    void sampleEvent_isFoundByTheDefaultRulesAndAnSqsRule() {
        byte[] sample = SnapStartPriming.SAMPLE_EVENT.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(TracexLambda.extractor().extract(sample).parent()).isPresent();
        assertThat(TracingHandlerTest.rule("sqs").extract(sample).parent()).isPresent();
    }

    @Test
    void holder_keepsThePrimingResourceStronglyReachable() {
        assertThat(ExtractorHolder.PRIMING).isInstanceOf(CracPriming.class);
    }

    private static final class Counting implements Extractor {
        private final Extractor inner;
        private final AtomicInteger runs;

        Counting(Extractor inner, AtomicInteger runs) {
            this.inner = inner;
            this.runs = runs;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Extraction extract(JsonNode event, InvocationContext context) {
            runs.incrementAndGet();
            return inner.extract(event, context);
        }

        @Override
        public Extraction extract(byte[] json, InvocationContext context) {
            runs.incrementAndGet();
            return inner.extract(json, context);
        }

        @Override
        public Extraction extract(String json, InvocationContext context) {
            runs.incrementAndGet();
            return inner.extract(json, context);
        }

        @Override
        public Extraction extract(InputStream json, InvocationContext context) {
            runs.incrementAndGet();
            return inner.extract(json, context);
        }
    }
}
