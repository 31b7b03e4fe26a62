package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One inject-then-extract through a format, with what every format must give back: the same 128-bit
 * trace id, parent id and sampling priority. Each format's test then checks what it carries besides.
 */
record RoundTrip(Map<String, String> headers, TraceContext back) {
    static RoundTrip of(PropagationFormat format, TraceContext original) {
        Map<String, String> headers = new HashMap<>();
        format.inject(original, headers);

        TraceContext back = format.extract(HeaderCarrier.of(headers));

        assertThat(back).as("extracted from %s", headers).isNotNull();
        assertThat(back.traceIdHigh()).isEqualTo(original.traceIdHigh());
        assertThat(back.traceIdLow()).isEqualTo(original.traceIdLow());
        assertThat(back.parentId()).isEqualTo(original.parentId());
        assertThat(back.samplingPriority()).isEqualTo(original.samplingPriority());
        return new RoundTrip(headers, back);
    }
}
