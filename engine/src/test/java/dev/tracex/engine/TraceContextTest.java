package dev.tracex.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceContextTest {
    @Test
    void traceparent_rendersTheW3cHeader() {
        TraceContext c = TraceContext.builder().traceId(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L)
                .parentId(0x00f067aa0ba902b7L).samplingPriority(2).build();

        assertThat(c.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(c.traceId()).isEqualTo(Long.toUnsignedString(0xa3ce929d0e0e4736L));
        assertThat(c.traceIdHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void sampled_followsPriorityThenFlagThenDefaultsToKeep() {
        TraceContext.Builder b = TraceContext.builder().traceId(0, 1).parentId(2);

        assertThat(b.samplingPriority(0).sampledFlag(true).build().sampled()).isFalse();
        assertThat(b.samplingPriority(null).sampledFlag(false).build().sampled()).isFalse();
        assertThat(b.samplingPriority(null).sampledFlag(null).build().sampled()).isTrue();
        assertThat(b.samplingPriority(-1).build().traceparent()).endsWith("-00");
    }

    @Test
    void tags_carryTidExactlyWhenTheHighHalfIsSet() {
        TraceContext low = TraceContext.builder().traceId(0, 1).parentId(2)
                .tag("_dd.p.tid", "ffffffffffffffff").tag("_dd.p.dm", "-4").build();
        TraceContext high = low.toBuilder().traceIdHigh(0x6745f1c800000000L).build();

        assertThat(low.tags()).containsExactly(org.assertj.core.api.Assertions.entry("_dd.p.dm", "-4"));
        assertThat(high.tags()).containsEntry("_dd.p.tid", "6745f1c800000000").containsEntry("_dd.p.dm", "-4");
    }

    @Test
    void build_zeroIds_areRejected() {
        assertThatThrownBy(() -> TraceContext.builder().parentId(1).build()).hasMessage("trace id is zero");
        assertThatThrownBy(() -> TraceContext.builder().traceId(0, 1).build()).hasMessage("parent id is zero");
        assertThat(TraceContext.builder().traceId(1, 0).parentId(1).isValid()).isTrue();
    }

    @Test
    void toString_showsIdsAndOriginButNoHeaderValues() {
        TraceContext c = TraceContext.builder().traceId(0, 1).parentId(2).tracestate("dd=s:1,secret=x").rule("r").format("datadog").build();

        assertThat(c.toString()).doesNotContain("secret").contains("00000000000000000000000000000001", "rule=r");
    }
}
