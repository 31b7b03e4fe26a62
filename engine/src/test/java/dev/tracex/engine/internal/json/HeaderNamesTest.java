package dev.tracex.engine.internal.json;

import dev.tracex.engine.propagation.HeaderCarrier;
import dev.tracex.engine.propagation.PropagationStyle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderNames} is exactly the set of names the propagation formats ask a carrier for: a pruned carrier
 * ({@link Projection#keepHeaders()}) keeps every header a {@code headers:} rule can read, and no name is kept for
 * nothing. The names asked are recorded over carriers that make each style read as far as it can: every header
 * present and valid, each style alone and all together, then each header missing in turn.
 */
class HeaderNamesTest {
    private static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("x-datadog-trace-id", "1234567890123456789"),
            Map.entry("x-datadog-parent-id", "987654321987654321"),
            Map.entry("x-datadog-sampling-priority", "1"),
            Map.entry("x-datadog-origin", "rum"),
            Map.entry("x-datadog-tags", "_dd.p.tid=66bcb5eb00000000,_dd.p.dm=-0"),
            Map.entry("traceparent", "00-66bcb5eb00000000112210f47de98115-00f067aa0ba902b7-01"),
            Map.entry("tracestate", "dd=s:1;o:rum,vendor=x"),
            Map.entry("baggage", "userId=alice"),
            Map.entry("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1"),
            Map.entry("x-b3-traceid", "80f198ee56343ba864fe8b2a57d3eff7"),
            Map.entry("x-b3-spanid", "e457b5a2e4d86bd1"),
            Map.entry("x-b3-sampled", "1"),
            Map.entry("x-b3-flags", "1"),
            Map.entry("x-amzn-trace-id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1"));

    @Test
    void headerNames_areExactlyWhatTheFormatsAsk() {
        Set<String> asked = new LinkedHashSet<>();
        List<List<PropagationStyle>> styleSets = new ArrayList<>();
        styleSets.add(PropagationStyle.DEFAULTS);
        for (String name : PropagationStyle.names()) {
            styleSets.add(PropagationStyle.parse(name).orElseThrow());
        }
        for (List<PropagationStyle> styles : styleSets) {
            List<String> missings = new ArrayList<>(VALID.keySet());
            missings.add(null);
            for (String missing : missings) {
                HeaderCarrier recording = name -> {
                    asked.add(name);
                    return name.equals(missing) ? null : VALID.get(name);
                };
                PropagationStyle.extract(recording, styles);
            }
        }

        assertThat(asked).containsExactlyInAnyOrderElementsOf(HeaderNames.ALL);
        assertThat(VALID.keySet()).containsExactlyInAnyOrderElementsOf(HeaderNames.ALL);
    }

    @Test
    void isHeader_anyLetterCase_onlyTheNames() {
        assertThat(HeaderNames.isHeader("X-Datadog-Trace-Id")).isTrue();
        assertThat(HeaderNames.isHeader("TRACEPARENT")).isTrue();
        assertThat(HeaderNames.isHeader("b3")).isTrue();
        assertThat(HeaderNames.isHeader("b4")).isFalse();
        assertThat(HeaderNames.isHeader("x-datadog-trace")).isFalse();
        assertThat(HeaderNames.isHeader("_datadog")).isFalse();
    }
}
