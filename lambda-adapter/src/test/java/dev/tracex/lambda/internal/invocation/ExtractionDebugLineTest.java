package dev.tracex.lambda.internal.invocation;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.logging.LogCapture;
import dev.tracex.engine.logging.LogLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one debug line per invocation ({@link EventExtraction}, {@link ExtractionDebugLine}): the rule, the outcome
 * and the format; on a miss the first reason per rule tried; never the event's content; nothing at info.
 */
class ExtractionDebugLineTest {
    private static final String SECRET = "4111-1111-1111-1111";

    /** A user's rule, then builtin.default behind it, as DD_TRACE_EXTRACTOR=extractors.orders resolves. */
    private static Extractor orders() throws Exception {
        Extractor rule = Extractors.parse("""
                extractors:
                  orders:
                    headers: $.detail._datadog
                """, "extractors.yaml").extractor("orders");
        return Extractors.withLazyFallback(rule, () -> {
            try {
                return Extractors.builtins().extractor("default");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void extract_debugMiss_oneLineWithTheFirstReasonPerRuleTried() throws Exception {
        Extractor e = orders();
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            EventExtraction.extract(e, "{\"detail\": {\"card\": \"" + SECRET + "\"}}", null);

            assertThat(log.lines()).containsExactly("DEBUG tracex: outcome=not_found rule=orders why: "
                    + "rule \"orders\": $.detail._datadog not found; "
                    + "rule \"builtin.default\" -> \"builtin.http_headers\": $.headers not found (and 11 more)");
            assertThat(String.join("\n", log.lines())).doesNotContain(SECRET);
        }
    }

    @Test
    void extract_debugMissOnAnSqsEvent_theReasonIsTheSqsRulesNotTheFirstRuleTried() throws Exception {
        Extractor e = orders();
        String event = "{\"Records\": [{\"messageId\": \"m1\", \"eventSource\": \"aws:sqs\", \"body\": \"" + SECRET + "\", "
                + "\"messageAttributes\": {}}]}";
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            EventExtraction.extract(e, event, null);

            // builtin.default tries the HTTP headers first on every event; the reason given is the first of the
            // rules whose when: held, the SQS record's carriers in the extension's order (its X-Ray header first).
            assertThat(log.lines()).containsExactly("DEBUG tracex: outcome=not_found rule=orders why: "
                    + "rule \"orders\": $.detail._datadog not found; "
                    + "rule \"builtin.default\" -> \"builtin.sqs_aws_trace_header_record\": "
                    + "$.attributes.AWSTraceHeader | aws-trace-header not found (and 19 more)");
            assertThat(String.join("\n", log.lines())).doesNotContain(SECRET);
        }
    }

    @Test
    void extract_debugHit_namesRuleOutcomeFormatAndIds() throws Exception {
        Extractor e = orders();
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            EventExtraction.extract(e, "{\"detail\": {\"_datadog\": {\"x-datadog-trace-id\": \"11\", \"x-datadog-parent-id\": \"22\"},"
                    + " \"card\": \"" + SECRET + "\"}}", null);

            assertThat(log.lines()).containsExactly("DEBUG tracex: outcome=continued rule=orders format=datadog trace_id=11 parent_id=22");
        }
    }

    @Test
    void extract_debugBatch_countsTheRecordsWithAContext() throws Exception {
        Extractor sqs = Extractors.builtins().extractor("sqs");
        String record = "{\"messageId\": \"%s\", \"eventSource\": \"aws:sqs\", \"body\": \"" + SECRET + "\", \"messageAttributes\": %s}";
        String withContext = "{\"_datadog\": {\"dataType\": \"String\", \"stringValue\": "
                + "\"{\\\"x-datadog-trace-id\\\": \\\"11\\\", \\\"x-datadog-parent-id\\\": \\\"22\\\"}\"}}";
        String event = "{\"Records\": [" + String.format(record, "m1", withContext) + ", " + String.format(record, "m2", "{}")
                + ", " + String.format(record, "m3", "{}") + "]}";
        try (LogCapture log = LogCapture.from(LogLevel.DEBUG)) {
            EventExtraction.extract(sqs, event, null);

            assertThat(log.lines()).containsExactly("DEBUG tracex: outcome=continued rule=builtin.sqs_string_headers_record "
                    + "format=datadog trace_id=11 parent_id=22 records=1/3");
        }
    }

    @Test
    void extract_info_noLinePerInvocation() throws Exception {
        Extractor e = orders();
        try (LogCapture log = LogCapture.from(LogLevel.INFO)) {
            EventExtraction.extract(e, "{\"detail\": {}}", null);
            EventExtraction.extract(e, "{\"detail\": {\"_datadog\": {\"x-datadog-trace-id\": \"11\", \"x-datadog-parent-id\": \"22\"}}}", null);

            assertThat(log.lines()).isEmpty();
        }
    }
}
