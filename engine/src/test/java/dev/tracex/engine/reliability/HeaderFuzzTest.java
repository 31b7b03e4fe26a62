package dev.tracex.engine.reliability;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tracex.engine.TraceContext;
import dev.tracex.engine.propagation.B3MultiFormat;
import dev.tracex.engine.propagation.B3SingleFormat;
import dev.tracex.engine.propagation.DatadogFormat;
import dev.tracex.engine.propagation.DatadogTags;
import dev.tracex.engine.propagation.HeaderCarrier;
import dev.tracex.engine.propagation.PropagationFormat;
import dev.tracex.engine.propagation.PropagationStyle;
import dev.tracex.engine.propagation.TraceContextFormat;
import dev.tracex.engine.propagation.W3CBaggage;
import dev.tracex.engine.propagation.XRayFormat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes every header parser with Jazzer. An input is the header values, one per line, in the order
 * of each test's header names (so seeds are readable text); a missing line is an absent header.
 *
 * <p>Properties: no exception escapes, no input takes long (the engine's pom sets a per-input timeout
 * for both the regression and the fuzzing runs), and what a parser accepts is a valid context (non-zero ids, only
 * {@code _dd.p.*} tags) that the same format writes back with the same ids.
 */
class HeaderFuzzTest {
    static final String[] DATADOG = {"x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
            "x-datadog-origin", "x-datadog-tags"};
    static final String[] TRACECONTEXT = {"traceparent", "tracestate"};
    static final String[] B3_SINGLE = {"b3"};
    static final String[] B3_MULTI = {"x-b3-traceid", "x-b3-spanid", "x-b3-sampled", "x-b3-flags"};
    static final String[] XRAY = {"x-amzn-trace-id"};
    static final String[] EVERY = {"x-datadog-trace-id", "x-datadog-parent-id", "x-datadog-sampling-priority",
            "x-datadog-origin", "x-datadog-tags", "traceparent", "tracestate", "b3", "x-b3-traceid", "x-b3-spanid",
            "x-b3-sampled", "x-b3-flags", "x-amzn-trace-id", "baggage"};

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"_dd.p.tid=", "_dd.p.dm=", "18446744073709551615", "-"})
    void datadog_anyHeaders_neverThrows(byte[] input) {
        check(DatadogFormat.INSTANCE, carrier(input, DATADOG));
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"00-", "-01", "dd=", "s:", "o:", "t.dm:", "p:", ";", ","})
    void traceContext_anyTraceparentAndTracestate_neverThrows(byte[] input) {
        check(TraceContextFormat.INSTANCE, carrier(input, TRACECONTEXT));
    }

    @FuzzTest(maxDuration = "10s")
    void b3Single_anyHeader_neverThrows(byte[] input) {
        check(B3SingleFormat.INSTANCE, carrier(input, B3_SINGLE));
    }

    @FuzzTest(maxDuration = "10s")
    void b3Multi_anyHeaders_neverThrows(byte[] input) {
        check(B3MultiFormat.INSTANCE, carrier(input, B3_MULTI));
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"Root=1-", "Parent=", "Sampled=", "_dd.origin=", ";"})
    void xray_anyHeader_neverThrows(byte[] input) {
        check(XRayFormat.INSTANCE, carrier(input, XRAY));
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"_dd.p.tid=", "_dd.p.dm=", "_dd.p.", ",", "="})
    void datadogTags_anyHeader_neverThrows(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        DatadogTags.Parsed parsed = DatadogTags.parse(header);
        assertThat(parsed.tags().keySet()).allMatch(k -> k.startsWith("_dd.p.") && !k.equals("_dd.p.tid"));
        if (header.length() > 512) {
            assertThat(parsed.tags()).isEmpty();
            assertThat(parsed.traceIdHigh()).isZero();
        }
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"=", ",", ";", "%", "%C3%BC", "key=value", " "})
    void baggage_anyHeader_staysWithinW3cLimitsAndRoundTrips(byte[] input) {
        Map<String, String> parsed = W3CBaggage.parse(new String(input, StandardCharsets.UTF_8));
        assertThat(parsed.size()).isLessThanOrEqualTo(W3CBaggage.MAX_MEMBERS);
        String written = W3CBaggage.format(parsed);
        if (parsed.isEmpty()) {
            assertThat(written).isNull();
        } else {
            assertThat(written.length()).isLessThanOrEqualTo(3 * W3CBaggage.MAX_BYTES);
            assertThat(W3CBaggage.parse(written)).as("format writes back what parse read").isEqualTo(parsed);
        }
    }

    /** Every format in the default order, over one carrier holding every header: what a headers rule runs. */
    @FuzzTest(maxDuration = "6s")
    @DictionaryEntries({"_dd.p.tid=", "00-", "dd=s:", "Root=1-", "Parent=", "-1", ";", ","})
    void everyStyle_anyHeaders_neverThrows(byte[] input) {
        HeaderCarrier carrier = carrier(input, EVERY);
        Optional<TraceContext> found = PropagationStyle.extract(carrier, PropagationStyle.DEFAULTS);
        found.ifPresent(HeaderFuzzTest::assertValid);
        for (PropagationStyle style : PropagationStyle.values()) {
            check(style.format(), carrier);
        }
    }

    private static void check(PropagationFormat format, HeaderCarrier carrier) {
        TraceContext found = format.extract(carrier);
        if (found == null) {
            return;
        }
        assertValid(found);
        assertThat(found.format()).isEqualTo(format.name());
        Map<String, String> written = new HashMap<>();
        format.inject(found, written);
        TraceContext again = format.extract(HeaderCarrier.of(written));
        assertThat(again).as("%s writes back what it read", format.name()).isNotNull();
        assertThat(again.traceIdLow()).isEqualTo(found.traceIdLow());
        assertThat(again.parentId()).isEqualTo(found.parentId());
    }

    private static void assertValid(TraceContext c) {
        assertThat(c.traceIdHigh() != 0 || c.traceIdLow() != 0).as("trace id is not zero").isTrue();
        assertThat(c.parentId()).isNotZero();
        assertThat(c.tags().keySet()).allMatch(k -> k.startsWith("_dd."));
    }

    /** Line {@code i} of the input is the value of header {@code names[i]}; names are looked up case-insensitively. */
    static HeaderCarrier carrier(byte[] input, String[] names) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < names.length && i < lines.length; i++) {
            headers.put(names[i], lines[i]);
        }
        return HeaderCarrier.of(headers);
    }
}
