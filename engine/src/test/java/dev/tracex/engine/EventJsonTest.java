package dev.tracex.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {
    @ParameterizedTest
    @ValueSource(strings = {"{\"Records\": [{\"body\": \"{}\"}], \"n\": 1.5e3, \"big\": 123456789012345678901234567890}",
            "[1, true, null, \"x\"]", "\"text\"", "42"})
    void readOrNull_json_isTheTreeObjectMapperReads(String json) throws Exception {
        assertThat(EventJson.readOrNull(json)).isEqualTo(new ObjectMapper().readTree(json));
        assertThat(EventJson.readOrNull(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new ObjectMapper().readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\": }", "not json"})
    void readOrNull_notJson_isNull(String text) {
        assertThat(EventJson.readOrNull(text)).isNull();
        assertThat(EventJson.readOrNull(text.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void readOrNull_null_isNull() {
        assertThat(EventJson.readOrNull((String) null)).isNull();
        assertThat(EventJson.readOrNull((byte[]) null)).isNull();
    }

    @Test
    void readOrNull_nestedTooDeep_isNullNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThat(EventJson.readOrNull(deep)).isNull();
    }

    @Test
    void mapper_isOneSharedInstance() {
        assertThat(EventJson.mapper()).isSameAs(EventJson.mapper());
    }
}
