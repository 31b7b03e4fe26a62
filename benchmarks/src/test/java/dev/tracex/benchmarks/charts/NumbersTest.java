package dev.tracex.benchmarks.charts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {
    @Test
    void fixed_half_roundsToEvenAsPython() {
        assertThat(Numbers.fixed(154.5, 0)).isEqualTo("154");
        assertThat(Numbers.fixed(155.5, 0)).isEqualTo("156");
        assertThat(Numbers.fixed(26998.4, 0)).isEqualTo("26,998");
    }

    @Test
    void time_byMagnitude_keepsReportPysDecimals() {
        assertThat(Numbers.time(1170.2)).isEqualTo("1,170");
        assertThat(Numbers.time(82.44)).isEqualTo("82.4");
        assertThat(Numbers.time(9.876)).isEqualTo("9.88");
    }

    @Test
    void signed_difference_carriesItsSign() {
        assertThat(Numbers.signed(103.2, 0)).isEqualTo("+103");
        assertThat(Numbers.signed(-4.0, 0)).isEqualTo("-4");
    }
}
