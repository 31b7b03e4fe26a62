package dev.tracex.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
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
        assertThat(runs.get()).isEqualTo(1);
        assertThat(((CracPriming) resource).primed()).isEqualTo(1);
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
