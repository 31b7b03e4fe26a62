package dev.tracex.engine.propagation;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class W3CBaggageTest {
    static Stream<Arguments> headers() {
        return Stream.of(
                argumentSet("the W3C example", "key1=value1;property1;property2, key2 = value2, key3=value3; propertyKey=propertyValue",
                        Map.of("key1", "value1", "key2", "value2", "key3", "value3")),
                argumentSet("percent-encoded UTF-8", "serverNode=DF%2028,city=Z%C3%BCrich", Map.of("serverNode", "DF 28", "city", "Zürich")),
                argumentSet("malformed members skipped, others kept", "=x,a b=1,ok=1,bad=%zz,utf=%C3,q=\"x\",noequals", Map.of("ok", "1")),
                argumentSet("last of a repeated key wins", "a=1,b=2,a=3", Map.of("b", "2", "a", "3")),
                argumentSet("empty value", "a=", Map.of("a", "")),
                argumentSet("blank members ignored", " , a=1,,", Map.of("a", "1")),
                argumentSet("nothing", "", Map.of()));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void parse_header_givesItsEntries(String header, Map<String, String> expected) {
        assertThat(W3CBaggage.parse(header)).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void parse_moreThan64Members_keepsTheFirst64() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            b.append(i == 0 ? "" : ",").append("k").append(i).append("=v");
        }
        Map<String, String> parsed = W3CBaggage.parse(b.toString());

        assertThat(parsed).hasSize(W3CBaggage.MAX_MEMBERS).containsKey("k63").doesNotContainKey("k64");
    }

    @Test
    void parse_moreThan8192Bytes_keepsTheMembersBeforeTheLimit() {
        String big = "a=" + "x".repeat(8000) + ",b=" + "y".repeat(500) + ",c=1";

        assertThat(W3CBaggage.parse(big)).containsOnlyKeys("a");
    }

    @Test
    void format_entries_roundTripsThroughParse() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("userId", "alice");
        entries.put("note", "a,b; c=\"d\" 100% Zürich");
        entries.put("bad key", "dropped");

        String header = W3CBaggage.format(entries);

        assertThat(header).startsWith("userId=alice,note=");
        assertThat(W3CBaggage.parse(header)).containsExactly(Map.entry("userId", "alice"), Map.entry("note", "a,b; c=\"d\" 100% Zürich"));
    }

    @Test
    void extract_baggageBesideAnyFormat_isKeptOnTheContext() {
        HeaderCarrier datadog = HeaderCarrier.of(Map.of("x-datadog-trace-id", "1", "x-datadog-parent-id", "2", "Baggage", "a=1"));

        TraceContext c = PropagationStyle.extract(datadog, PropagationStyle.DEFAULTS).orElseThrow();

        assertThat(c.baggage()).containsExactly(Map.entry("a", "1"));
        assertThat(PropagationStyle.inject(c, List.of(PropagationStyle.parse("tracecontext").orElseThrow().get(0))))
                .containsEntry("baggage", "a=1");
    }

    @Test
    void extract_baggageWithoutTraceHeaders_givesNoContext() {
        assertThat(PropagationStyle.extract(HeaderCarrier.of(Map.of("baggage", "a=1")), PropagationStyle.DEFAULTS)).isEmpty();
    }
}
