package dev.tracex.lambda;

import dev.tracex.lambda.internal.invocation.HandlerTarget;
import dev.tracex.lambda.local.LocalContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the event, the wrapper never throws on its own account: the handler runs and gets the event's
 * bytes unchanged. Mutations of a real SQS event (flipped, dropped and inserted bytes, truncations), seeded.
 */
class NeverHarmTest {
    @Test
    void handleRequest_mutatedEvents_handlerAlwaysRunsWithTheBytesItWasSent() throws Exception {
        byte[] original = TracingHandlerTest.event("sqs_event.json");
        boolean[] parent = new boolean[1];
        TracingHandler h = new TracingHandler(new HandlerTarget.Stream("echo", (in, out, ctx) -> {
            parent[0] = TracexLambda.current().isPresent();
            in.transferTo(out);
        }), TracingHandlerTest.rule("sqs_batch"));
        Random random = new Random(20261125L);
        int withParent = 0;
        for (int i = 0; i < 400; i++) {
            byte[] event = mutate(original, random);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            h.handleRequest(new ByteArrayInputStream(event), out, LocalContext.of("fuzz"));
            assertThat(out.toByteArray()).as("mutation %d", i).isEqualTo(event);
            if (parent[0]) {
                withParent++;
            }
        }
        // Some mutations leave the context intact: the loop exercised both outcomes.
        assertThat(withParent).isBetween(1, 399);
    }

    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        switch (r.nextInt(4)) {
            case 0:
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                return b;
            case 1:
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            case 2: {
                int at = r.nextInt(b.length);
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            default: {
                int at = r.nextInt(b.length);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = "{}[]\",:0\\".getBytes(java.nio.charset.StandardCharsets.US_ASCII)[r.nextInt(9)];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
        }
    }
}
