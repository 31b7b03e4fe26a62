package dev.tracex.lambda.internal.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count of extractions in each sink {@code TRACEX_METRICS} chooses, judged by what reaches the other side: a
 * loopback UDP listener reading DogStatsD datagrams as the Datadog extension's parser does, EMF documents checked
 * against the members the specification requires.
 */
public class ExtractionMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExtractionOutcome CONTINUED = new ExtractionOutcome("builtin.sqs_string_headers_record", "continued", "datadog", 3, 1);
    private static final ExtractionOutcome NOT_FOUND = new ExtractionOutcome("orders", "not_found", null, 0, 0);

    /**
     * One DogStatsD datagram as the Datadog Lambda extension's parser reads it (DataDog/serverless-components,
     * crates/dogstatsd/src/metric.rs, DogStatsD protocol v1.3): {@code <name>:<value>|<type>|#<k>:<v>,<k>:<v>}, the type
     * one of {@code c}, {@code g}, {@code d}, each tag split at its first colon.
     */
    record Datagram(String name, double value, String type, Map<String, String> tags) {
        static Datagram parse(String line) {
            String[] sections = line.split("\\|");
            int colon = sections[0].indexOf(':');
            assertThat(colon).as(line).isPositive();
            assertThat(sections[1]).as("metric type").isIn("c", "g", "d");
            Map<String, String> tags = new LinkedHashMap<>();
            for (int i = 2; i < sections.length; i++) {
                if (sections[i].startsWith("#")) {
                    for (String tag : sections[i].substring(1).split(",")) {
                        int c = tag.indexOf(':');
                        tags.put(c < 0 ? tag : tag.substring(0, c), c < 0 ? "" : tag.substring(c + 1));
                    }
                }
            }
            return new Datagram(sections[0].substring(0, colon), Double.parseDouble(sections[0].substring(colon + 1)), sections[1], tags);
        }
    }

    @Test
    void dogstatsd_oneDatagramPerInvocation_countByRuleAndOutcome() throws Exception {
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5_000);
            ExtractionMetrics metrics = ExtractionMetrics.fromEnvironment(Map.of("TRACEX_METRICS", "dogstatsd",
                    "DD_DOGSTATSD_PORT", Integer.toString(listener.getLocalPort())));

            metrics.record(CONTINUED);
            metrics.record(NOT_FOUND);

            Datagram first = Datagram.parse(receive(listener));
            Datagram second = Datagram.parse(receive(listener));
            assertThat(first).isEqualTo(new Datagram("tracex.extractions", 1, "c",
                    Map.of("rule", "builtin.sqs_string_headers_record", "outcome", "continued")));
            assertThat(second).isEqualTo(new Datagram("tracex.extractions", 1, "c", Map.of("rule", "orders", "outcome", "not_found")));
        }
    }

    @Test
    void dogstatsd_nobodyListening_theInvocationGoesOnAndNothingIsLoggedAtInfo() throws Exception {
        int closedPort;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ExtractionMetrics metrics = ExtractionMetrics.fromEnvironment(Map.of("TRACEX_METRICS", "dogstatsd",
                "DD_DOGSTATSD_PORT", Integer.toString(closedPort)));
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            for (int i = 0; i < 100; i++) {
                metrics.record(CONTINUED);
            }
            assertThat(log.lines()).isEmpty();
        }
    }

    @Test
    void dogstatsd_ruleWithTheDatagramsSeparators_staysOneTag() {
        assertThat(DogStatsdCounter.line(new ExtractionOutcome("a|b,c#d e", "not_found", null, 0, 0)))
                .isEqualTo("tracex.extractions:1|c|#rule:a_b_c_d_e,outcome:not_found");
    }

    @Test
    void emf_oneDocumentPerInvocation_validAgainstTheSpecificationsRequiredMembers() throws Exception {
        List<String> written = new ArrayList<>();
        EmfCounter emf = new EmfCounter(written::add);

        emf.record(CONTINUED);

        assertThat(written).hasSize(1);
        assertThat(written.get(0)).endsWith("}\n").doesNotContain("\n{");
        assertEmf(JSON.readTree(written.get(0)), "builtin.sqs_string_headers_record", "continued");
    }

    /**
     * The EMF specification's required members: {@code _aws.Timestamp} (a number, ms since the epoch),
     * {@code _aws.CloudWatchMetrics} (an array of directives with {@code Namespace}, {@code Dimensions} (an array of
     * arrays of at most 30 dimension names) and {@code Metrics} (objects with {@code Name}, optional {@code Unit})),
     * each dimension a root member with a string value, each metric a root member with a number.
     */
    public static void assertEmf(JsonNode doc, String rule, String outcome) {
        JsonNode aws = doc.get("_aws");
        assertThat(aws.get("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.get("Timestamp").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(600_000L));
        JsonNode directives = aws.get("CloudWatchMetrics");
        assertThat(directives.isArray()).isTrue();
        assertThat(directives).hasSize(1);
        JsonNode directive = directives.get(0);
        assertThat(directive.get("Namespace").asText()).isEqualTo("tracex");
        for (JsonNode set : directive.get("Dimensions")) {
            assertThat(set.isArray()).isTrue();
            assertThat(set.size()).isBetween(1, 30);
            for (JsonNode name : set) {
                assertThat(doc.get(name.asText()).isTextual()).as("dimension %s is a root string member", name).isTrue();
            }
        }
        for (JsonNode metric : directive.get("Metrics")) {
            assertThat(doc.get(metric.get("Name").asText()).isNumber()).as("metric %s is a root number", metric).isTrue();
            assertThat(metric.get("Unit").asText()).isEqualTo("Count");
        }
        assertThat(doc.get("rule").asText()).isEqualTo(rule);
        assertThat(doc.get("outcome").asText()).isEqualTo(outcome);
        assertThat(doc.get("tracex.extractions").asLong()).isEqualTo(1);
    }

    @Test
    void fromEnvironment_unsetIsOpenTelemetryOnly_noneIsNothing_unknownIsOneWarning() {
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            assertThat(ExtractionMetrics.fromEnvironment(Map.of())).hasToString("otel");
            assertThat(ExtractionMetrics.fromEnvironment(Map.of("TRACEX_METRICS", "none"))).hasToString("");
            assertThat(ExtractionMetrics.fromEnvironment(Map.of("TRACEX_METRICS", "statsd, emf"))).hasToString("emf");
            assertThat(log.lines()).containsExactly("WARN tracex: TRACEX_METRICS: unknown metrics \"statsd\" skipped "
                    + "(known: otel, dogstatsd, emf, none)");
        }
    }

    @Test
    void record_aSinkThatThrows_isTurnedOffAfterOneWarning() {
        ExtractionMetrics metrics = ExtractionMetrics.of(List.of(o -> {
            throw new IllegalStateException("exporter down");
        }), List.of("otel"));
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            metrics.record(CONTINUED);
            metrics.record(CONTINUED);

            assertThat(log.lines()).containsExactly("WARN tracex: TRACEX_METRICS: otel metrics failed and are off for this process: "
                    + "java.lang.IllegalStateException: exporter down");
        }
    }

    private static String receive(DatagramSocket listener) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
        listener.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }
}
