package dev.tracex.engine.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The {@link PropagationFormat} contract for every format: {@code extract} never throws, whatever the
 * header values, and anything it returns is a valid context in its own format with no rule.
 */
class PropagationFormatTest {
    private static final List<PropagationFormat> FORMATS = List.of(
            DatadogFormat.INSTANCE, TraceContextFormat.INSTANCE, B3SingleFormat.INSTANCE, B3MultiFormat.INSTANCE,
            XRayFormat.INSTANCE);

    private static final List<String> HEADER_NAMES = List.of(
            "x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority", "x-datadog-origin",
            "x-datadog-tags", "traceparent", "tracestate", "b3", "x-b3-traceid", "x-b3-spanid", "x-b3-sampled",
            "x-b3-flags", "x-amzn-trace-id");

    // Valid headers to mutate, so random input reaches past the first checks.
    private static final Map<String, String> SEEDS = Map.ofEntries(
            Map.entry("x-datadog-trace-id", "18446744073709551615"),
            Map.entry("x-datadog-parent-id", "1234"),
            Map.entry("x-datadog-sampling-priority", "2"),
            Map.entry("x-datadog-origin", "rum"),
            Map.entry("x-datadog-tags", "_dd.p.dm=-4,_dd.p.tid=640cfd8d00000000"),
            Map.entry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            Map.entry("tracestate", "dd=s:2;o:rum;p:00f067aa0ba902b7;t.dm:-4,congo=t61rcWkgMzE"),
            Map.entry("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-d-05e3ac9a4f6e3b90"),
            Map.entry("x-b3-traceid", "463ac35c9f6413ad48485a3953bb6124"),
            Map.entry("x-b3-spanid", "a2fb4a1d1a96d312"),
            Map.entry("x-b3-sampled", "1"),
            Map.entry("x-b3-flags", "1"),
            Map.entry("x-amzn-trace-id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));

    private static final String ALPHABET = "0123456789abcdefABCDEF-;=,:~.tdsop_ \t\u00e9\u0661\uffff\u0000Root=1-Parent=Sampled=dd=t.";

    @Test
    void extract_randomAndMutatedHeaders_neverThrows() {
        Random random = new Random(20240601L);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            Map<String, String> headers = new HashMap<>();
            for (String name : HEADER_NAMES) {
                if (random.nextInt(4) != 0) {
                    headers.put(name, random.nextBoolean() ? mutate(SEEDS.get(name), random) : randomString(random));
                }
            }
            HeaderCarrier carrier = HeaderCarrier.of(headers);
            for (PropagationFormat format : FORMATS) {
                TraceContext[] ctx = new TraceContext[1];
                assertThatCode(() -> ctx[0] = format.extract(carrier)).as("%s on %s", format.name(), headers)
                        .doesNotThrowAnyException();
                if (ctx[0] != null) {
                    found++;
                    assertThat(ctx[0].format()).isEqualTo(format.name());
                    assertThat(ctx[0].rule()).isNull();
                    assertThat(ctx[0].traceIdHigh() != 0 || ctx[0].traceIdLow() != 0).isTrue();
                    assertThat(ctx[0].parentId()).isNotZero();
                }
            }
        }
        // Guards against mutations so heavy that nothing valid is ever reached.
        assertThat(found).isGreaterThan(1_000);
    }

    @Test
    void extract_emptyCarrier_isNullForEveryFormat() {
        for (PropagationFormat format : FORMATS) {
            assertThat(format.extract(HeaderCarrier.of(Map.of()))).as(format.name()).isNull();
        }
    }

    private static String randomString(Random random) {
        int n = random.nextInt(70);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    // One to three edits: replace, insert or delete a character, or cut the value short.
    private static String mutate(String seed, Random random) {
        StringBuilder sb = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int pos = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(pos, c);
                    }
                }
                case 1 -> sb.insert(pos, c);
                case 2 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(pos);
                    }
                }
                default -> sb.setLength(pos);
            }
        }
        return sb.toString();
    }
}
