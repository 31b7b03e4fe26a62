package dev.tracex.docs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationTableCheckTest {
    private static final ConfigurationReads CODE = ConfigurationReads.ofJava("engine/src/main/java/x/Config.java", """
            package x;

            final class Config {
                static final String STRICT = "DD_TRACE_EXTRACTOR_STRICT";

                static String read(java.util.Map<String, String> env) {
                    long limit = Long.getLong("tracex.js.statementLimit", 1_000_000L);
                    return System.getenv("DD_TRACE_EXTRACTOR") + env.get(STRICT) + limit;
                }
            }
            """);

    @Test
    void check_tableListingExactlyTheReads_reportsNothing() {
        MarkdownPage page = MarkdownPage.parse("docs/configuration.md", """
                <!-- configuration-table -->
                | name | kind | meaning |
                |---|---|---|
                | `DD_TRACE_EXTRACTOR` | environment | the rule |
                | `DD_TRACE_EXTRACTOR_STRICT` | environment | fail the init |
                | `tracex.js.statementLimit` | system property | JS statements per call |
                """);

        assertThat(new ConfigurationTableCheck(CODE).check(page)).isEmpty();
    }

    @Test
    void check_missingExtraAndMiskindedRows_areReported() {
        MarkdownPage page = MarkdownPage.parse("docs/configuration.md", """
                # Configuration

                <!-- configuration-table -->
                | name | kind | meaning |
                |---|---|---|
                | `DD_TRACE_EXTRACTOR` | environment | the rule |
                | `DD_TRACE_EXTRACTOR_PATH` | environment | where the file is |
                | `tracex.js.statementLimit` | environment | JS statements per call |
                """);

        assertThat(new ConfigurationTableCheck(CODE).check(page)).extracting(Problem::toString).containsExactly(
                "docs/configuration.md:7: `DD_TRACE_EXTRACTOR_PATH` is in the configuration table, but no code reads it",
                "docs/configuration.md:8: `tracex.js.statementLimit` is a system property (engine/src/main/java/x/Config.java:7), "
                        + "the table says environment",
                "docs/configuration.md:3: `DD_TRACE_EXTRACTOR_STRICT` is read by the code "
                        + "(engine/src/main/java/x/Config.java:8) but not in the configuration table");
    }

    @Test
    void scan_javaReads_throughLiteralsAndConstantsButNotComments() {
        ConfigurationReads reads = ConfigurationReads.ofJava("A.java", """
                /** Reads {@code System.getenv("IN_JAVADOC")}. */
                final class A {
                    static final String XRAY_PROPERTY = "com.amazonaws.xray.traceHeader";
                    static final char QUOTE = '"';
                    String url = "http://localhost"; String v = System.getenv("AFTER_A_URL");
                    String a = System.getProperty(XRAY_PROPERTY); // System.getenv("IN_A_COMMENT")
                    boolean b = Boolean.parseBoolean(System.getenv(Other.UNKNOWN));
                    String c = env.apply(name);
                    String d = properties.getProperty("otel.propagators");
                }
                """);

        assertThat(reads.names()).containsExactlyInAnyOrder("AFTER_A_URL", "com.amazonaws.xray.traceHeader", "otel.propagators");
        assertThat(reads.unresolved()).containsExactly("A.java:7: Other.UNKNOWN");
    }

    @Test
    void scan_shellScript_readsUpperCaseVariablesOutsideComments() {
        ConfigurationReads reads = ConfigurationReads.ofShell("tracex-wrapper", """
                #!/bin/sh
                # Set AWS_LAMBDA_EXEC_WRAPPER=/opt/tracex-wrapper; $IN_A_COMMENT
                handler=${_HANDLER:-}
                next=${TRACEX_NEXT_WRAPPER:-}
                [ "$next" = "$0" ] && exec "$@"
                """);

        assertThat(List.copyOf(reads.names())).containsExactly("TRACEX_NEXT_WRAPPER", "_HANDLER");
    }
}
