package dev.tracex.engine.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

class XRayFormatTest {
    private static final XRayFormat FORMAT = XRayFormat.INSTANCE;

    private static final String ROOT = "Root=1-5759e988-bd862e3fe1be46a994272793";
    private static final String PARENT = "Parent=53995c3f42cd8ad8";
    private static final long HIGH = 0x5759e988bd862e3fL;
    private static final long LOW = 0xe1be46a994272793L;
    private static final long PARENT_ID = 0x53995c3f42cd8ad8L;

    private static TraceContext extract(String header) {
        return FORMAT.extract(HeaderCarrier.of(Map.of("X-Amzn-Trace-Id", header)));
    }

    static Stream<Arguments> validHeaders() {
        return Stream.of(
                argumentSet("sampled", ROOT + ";" + PARENT + ";Sampled=1", HIGH, LOW, PARENT_ID, 1, null),
                argumentSet("not sampled", ROOT + ";" + PARENT + ";Sampled=0", HIGH, LOW, PARENT_ID, 0, null),
                argumentSet("no Sampled", ROOT + ";" + PARENT, HIGH, LOW, PARENT_ID, null, null),
                argumentSet("Sampled=? (deferred)", ROOT + ";" + PARENT + ";Sampled=?", HIGH, LOW, PARENT_ID, null, null),
                argumentSet("reordered fields", "Sampled=1;" + PARENT + ";" + ROOT, HIGH, LOW, PARENT_ID, 1, null),
                argumentSet("with Lineage", ROOT + ";" + PARENT + ";Sampled=1;Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2",
                        HIGH, LOW, PARENT_ID, 1, null),
                argumentSet("with Self (ALB)", "Self=1-67891234-12456789abcdef012345678;" + ROOT + ";" + PARENT + ";Sampled=0",
                        HIGH, LOW, PARENT_ID, 0, null),
                argumentSet("spaces around fields", " " + ROOT + " ; " + PARENT + " ;  Sampled=1 ", HIGH, LOW, PARENT_ID, 1, null),
                argumentSet("spaces around '='", "Root = 1-5759e988-bd862e3fe1be46a994272793;Parent= 53995c3f42cd8ad8",
                        HIGH, LOW, PARENT_ID, null, null),
                argumentSet("trailing and empty fields", ROOT + ";;" + PARENT + ";", HIGH, LOW, PARENT_ID, null, null),
                argumentSet("field without '=' ignored", ROOT + ";garbage;" + PARENT, HIGH, LOW, PARENT_ID, null, null),
                argumentSet("first of a repeated field wins", ROOT + ";" + PARENT + ";Parent=0000000000000001",
                        HIGH, LOW, PARENT_ID, null, null),
                argumentSet("Datadog's 64-bit form with origin",
                        "Root=1-00000000-00000000000000000000007b;Parent=00000000000001c8;Sampled=1;_dd.origin=synthetics",
                        0L, 123L, 456L, 1, "synthetics"),
                argumentSet("epoch only in the upper half", "Root=1-5759e988-000000000000000000000001;" + PARENT,
                        0x5759e98800000000L, 1L, PARENT_ID, null, null));
    }

    @ParameterizedTest
    @MethodSource("validHeaders")
    void extract_validHeader_readsIds(String header, long high, long low, long parent, Integer priority, String origin) {
        TraceContext ctx = extract(header);

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHigh()).isEqualTo(high);
        assertThat(ctx.traceIdLow()).isEqualTo(low);
        assertThat(ctx.parentId()).isEqualTo(parent);
        assertThat(ctx.samplingPriority().isPresent() ? ctx.samplingPriority().getAsInt() : null).isEqualTo(priority);
        assertThat(ctx.sampled()).isEqualTo(priority == null || priority > 0);
        assertThat(ctx.origin().orElse(null)).isEqualTo(origin);
        assertThat(ctx.tracestate()).isEmpty();
        assertThat(ctx.format()).isEqualTo("xray");
        assertThat(ctx.rule()).isNull();
    }

    @Test
    void extract_128bitRoot_matchesDatadogLayout() {
        TraceContext ctx = extract(ROOT + ";" + PARENT);

        assertThat(ctx.traceIdHex()).isEqualTo("5759e988bd862e3fe1be46a994272793");
        assertThat(ctx.tags()).containsExactly(Map.entry("_dd.p.tid", "5759e988bd862e3f"));
    }

    static Stream<Arguments> invalidHeaders() {
        return Stream.of(
                argumentSet("no Parent", ROOT + ";Sampled=1"),
                argumentSet("no Root", PARENT + ";Sampled=1"),
                argumentSet("empty", ""),
                argumentSet("Root zero", "Root=1-00000000-000000000000000000000000;" + PARENT),
                argumentSet("Parent zero", ROOT + ";Parent=0000000000000000"),
                argumentSet("Root version 2", "Root=2-5759e988-bd862e3fe1be46a994272793;" + PARENT),
                argumentSet("Root epoch of 7 digits", "Root=1-759e988-bd862e3fe1be46a994272793;" + PARENT),
                argumentSet("Root random of 23 digits", "Root=1-5759e988-d862e3fe1be46a994272793;" + PARENT),
                argumentSet("Root random of 25 digits", "Root=1-5759e988-bd862e3fe1be46a9942727930;" + PARENT),
                argumentSet("Root without dashes", "Root=15759e988bd862e3fe1be46a994272793;" + PARENT),
                argumentSet("Root with '_' for the second dash", "Root=1-5759e988_bd862e3fe1be46a994272793;" + PARENT),
                argumentSet("Root with '_' for the first dash", "Root=1_5759e988-bd862e3fe1be46a994272793;" + PARENT),
                argumentSet("Root uppercase", "Root=1-5759E988-BD862E3FE1BE46A994272793;" + PARENT),
                argumentSet("Root not hex", "Root=1-5759e988-bd862e3fe1be46a99427279g;" + PARENT),
                argumentSet("Parent of 15 digits", ROOT + ";Parent=3995c3f42cd8ad8"),
                argumentSet("Parent uppercase", ROOT + ";Parent=53995C3F42CD8AD8"),
                argumentSet("Parent not hex", ROOT + ";Parent=53995c3f42cd8adz"),
                argumentSet("Sampled=2", ROOT + ";" + PARENT + ";Sampled=2"),
                argumentSet("Sampled=true", ROOT + ";" + PARENT + ";Sampled=true"),
                argumentSet("lowercase keys", "root=1-5759e988-bd862e3fe1be46a994272793;parent=53995c3f42cd8ad8"),
                argumentSet("comma separated", ROOT + "," + PARENT));
    }

    @ParameterizedTest
    @MethodSource("invalidHeaders")
    void extract_invalidHeader_isNull(String header) {
        assertThat(extract(header)).isNull();
    }

    @Test
    void extract_nullCarrier_isNull() {
        assertThat(FORMAT.extract(null)).isNull();
    }

    @Test
    void inject_fullContext_writesRootParentSampledOrigin() {
        TraceContext ctx = TraceContext.builder().traceId(HIGH, LOW).parentId(PARENT_ID).samplingPriority(2)
                .origin("lambda").build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(Map.entry("x-amzn-trace-id", ROOT + ";" + PARENT + ";Sampled=1;_dd.origin=lambda"));
    }

    @Test
    void inject_64bitWithoutPriority_writesDatadogPaddedRoot() {
        TraceContext ctx = TraceContext.builder().traceId(0, 123).parentId(456).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(
                Map.entry("x-amzn-trace-id", "Root=1-00000000-00000000000000000000007b;Parent=00000000000001c8"));
    }

    @Test
    void inject_rejectAndUnsafeOrigin_writesSampledZeroWithoutOrigin() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(2).samplingPriority(-1).origin("a;b").build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(
                Map.entry("x-amzn-trace-id", "Root=1-00000000-000000000000000000000001;Parent=0000000000000002;Sampled=0"));
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                argumentSet("64-bit, no priority", TraceContext.builder().traceId(0, 42).parentId(11).build()),
                argumentSet("128-bit, kept, origin", TraceContext.builder().traceId(HIGH, LOW).parentId(PARENT_ID)
                        .samplingPriority(1).origin("rum").build()),
                argumentSet("max ids, dropped", TraceContext.builder().traceId(-1L, -1L).parentId(-1L).samplingPriority(0).build()));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void injectThenExtract_givesSameContext(TraceContext original) {
        TraceContext back = RoundTrip.of(FORMAT, original).back();
        assertThat(back.origin()).isEqualTo(original.origin());
    }
}
