package dev.tracex.engine.ids;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdsSmallIntegerTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-1", "2", "999999999", "-999999999", "007"})
    void smallInteger_signAndOneToNineDigits_isRead(String s) {
        assertThat(Ids.smallInteger(s)).isEqualTo(Integer.parseInt(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+1", "1000000000", "-1000000000", " 1", "1 ", "1.0", "1e3", "0x1", "١", "--1"})
    void smallInteger_anythingElse_isNull(String s) {
        assertThat(Ids.smallInteger(s)).isNull();
    }
}
