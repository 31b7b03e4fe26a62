package dev.tracex.docs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {
    @Test
    void difference_sameLinesButTrailingSpaceAndBlankLines_isNone() {
        assertThat(Transcript.difference(List.of("a", "b"), List.of("a  ", "b", "", ""))).isNull();
    }

    @Test
    void difference_elision_standsForAnyLinesIncludingNone() {
        assertThat(Transcript.difference(List.of("a", "...", "z"), List.of("a", "b", "c", "z"))).isNull();
        assertThat(Transcript.difference(List.of("a", "...", "z"), List.of("a", "z"))).isNull();
        assertThat(Transcript.difference(List.of("...", "z"), List.of("a", "y"))).isNotNull();
    }

    @Test
    void difference_differentLine_namesBothLines() {
        assertThat(Transcript.difference(List.of("a", "b"), List.of("a", "c")))
                .isEqualTo("shown line 2 is \"b\", output line 2 is \"c\"");
    }

    @Test
    void difference_outputLongerThanShown_saysWhereTheShownEnds() {
        assertThat(Transcript.difference(List.of("a"), List.of("a", "b")))
                .isEqualTo("shown line 2 is the end of the output, output line 2 is \"b\"");
    }
}
