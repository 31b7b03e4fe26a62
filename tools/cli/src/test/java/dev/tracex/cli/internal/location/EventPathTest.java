package dev.tracex.cli.internal.location;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventPathTest {
    @Test
    void toString_writesPlainKeysWithADot_andOthersInBrackets() {
        EventPath p = EventPath.root().key("Records").index(0).key("messageAttributes").key("_datadog").key("x-datadog-trace-id");

        assertThat(p).hasToString("$.Records[0].messageAttributes._datadog['x-datadog-trace-id']");
        assertThat(p.keys()).containsExactly("Records", "messageAttributes", "_datadog", "x-datadog-trace-id");
    }

    @Test
    void toString_keyWithQuoteOrBackslash_isEscapedInItsBrackets() {
        assertThat(EventPath.root().key("it's").key("a\\b").key("0")).hasToString("$['it\\'s']['a\\\\b']['0']");
    }

    @Test
    void shape_replacesEveryIndex() {
        assertThat(EventPath.root().key("Records").index(3).key("body").shape()).isEqualTo("$.Records[*].body");
        assertThat(EventPath.root()).hasToString("$");
        assertThat(EventPath.root().isRoot()).isTrue();
    }
}
