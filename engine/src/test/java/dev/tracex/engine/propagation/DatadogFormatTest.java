package dev.tracex.engine.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.tracex.engine.TraceContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

class DatadogFormatTest {
    private static final DatadogFormat FORMAT = DatadogFormat.INSTANCE;

    private static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, String> ids(String traceId, String parentId, String... more) {
        Map<String, String> m = headers(more);
        m.put("x-datadog-trace-id", traceId);
        m.put("x-datadog-parent-id", parentId);
        return m;
    }

    static Stream<Arguments> validIds() {
        return Stream.of(
                argumentSet("small ids", "1234", "5678", 1234L, 5678L),
                argumentSet("one", "1", "1", 1L, 1L),
                argumentSet("max uint64", "18446744073709551615", "18446744073709551615", -1L, -1L),
                argumentSet("above Long.MAX_VALUE", "9223372036854775808", "9223372036854775807",
                        Long.MIN_VALUE, Long.MAX_VALUE),
                argumentSet("leading zeros, 20 digits", "00000000000000000042", "07", 42L, 7L),
                argumentSet("leading zeros beyond 20 digits, as Datadog's tracers read them", "0000000000000000000000042",
                        "018446744073709551615", 42L, -1L));
    }

    @ParameterizedTest
    @MethodSource("validIds")
    void extract_validIds_readsUnsignedDecimal(String traceId, String parentId, long low, long parent) {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(ids(traceId, parentId)));

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHigh()).isZero();
        assertThat(ctx.traceIdLow()).isEqualTo(low);
        assertThat(ctx.parentId()).isEqualTo(parent);
        assertThat(ctx.samplingPriority()).isEmpty();
        assertThat(ctx.origin()).isEmpty();
        assertThat(ctx.tags()).isEmpty();
        assertThat(ctx.tracestate()).isEmpty();
        assertThat(ctx.format()).isEqualTo("datadog");
        assertThat(ctx.rule()).isNull();
    }

    static Stream<Arguments> invalidIds() {
        return Stream.of(
                argumentSet("trace id zero", "0", "1"),
                argumentSet("parent id zero", "1", "0"),
                argumentSet("trace id max uint64 + 1", "18446744073709551616", "1"),
                argumentSet("parent id max uint64 + 1", "1", "18446744073709551616"),
                argumentSet("21 digits", "100000000000000000000", "1"),
                argumentSet("leading zeros before a value above 2^64-1", "0018446744073709551616", "1"),
                argumentSet("only zeros, beyond 20 digits", "0000000000000000000000", "1"),
                argumentSet("negative", "-1", "1"),
                argumentSet("plus sign", "+1", "1"),
                argumentSet("leading space", " 1", "1"),
                argumentSet("trailing space", "1", "1 "),
                argumentSet("hex", "abc", "1"),
                argumentSet("hex prefix", "0x1f", "1"),
                argumentSet("empty trace id", "", "1"),
                argumentSet("empty parent id", "1", ""),
                argumentSet("decimal point", "1.0", "1"),
                argumentSet("two values", "1,2", "1"),
                argumentSet("arabic-indic digit", "\u0661", "1"));
    }

    @ParameterizedTest
    @MethodSource("invalidIds")
    void extract_invalidIds_isNull(String traceId, String parentId) {
        assertThat(FORMAT.extract(HeaderCarrier.of(ids(traceId, parentId)))).isNull();
    }

    @Test
    void extract_missingParentId_isNull() {
        assertThat(FORMAT.extract(HeaderCarrier.of(headers("x-datadog-trace-id", "1")))).isNull();
    }

    @Test
    void extract_missingTraceId_isNull() {
        assertThat(FORMAT.extract(HeaderCarrier.of(headers("x-datadog-parent-id", "1")))).isNull();
    }

    @Test
    void extract_noHeaders_isNull() {
        assertThat(FORMAT.extract(HeaderCarrier.of(Map.of()))).isNull();
    }

    @Test
    void extract_nullCarrier_isNull() {
        assertThat(FORMAT.extract(null)).isNull();
    }

    @Test
    void extract_mixedCaseHeaderNames_areFound() {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(headers(
                "X-Datadog-Trace-Id", "11", "X-DATADOG-PARENT-ID", "22", "X-Datadog-Sampling-Priority", "2")));

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdLow()).isEqualTo(11L);
        assertThat(ctx.parentId()).isEqualTo(22L);
        assertThat(ctx.samplingPriority()).hasValue(2);
    }

    static Stream<Arguments> priorities() {
        return Stream.of(
                argumentSet("user reject", "-1", -1),
                argumentSet("auto reject", "0", 0),
                argumentSet("auto keep", "1", 1),
                argumentSet("user keep", "2", 2),
                argumentSet("explicit plus", "+1", 1),
                argumentSet("int max", "2147483647", Integer.MAX_VALUE),
                argumentSet("int min", "-2147483648", Integer.MIN_VALUE),
                argumentSet("not a number", "keep", null),
                argumentSet("decimal", "1.0", null),
                argumentSet("empty", "", null),
                argumentSet("lone minus", "-", null),
                argumentSet("space", " 1", null),
                argumentSet("int max + 1", "2147483648", null),
                argumentSet("int min - 1", "-2147483649", null),
                argumentSet("eleven digits", "10000000000", null));
    }

    @ParameterizedTest
    @MethodSource("priorities")
    void extract_samplingPriority_isSignedIntOrAbsent(String header, Integer expected) {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(ids("1", "2", "x-datadog-sampling-priority", header)));

        assertThat(ctx).isNotNull();
        assertThat(ctx.samplingPriority().isPresent() ? ctx.samplingPriority().getAsInt() : null).isEqualTo(expected);
    }

    @Test
    void extract_origin_isKept() {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(ids("1", "2", "x-datadog-origin", "synthetics")));

        assertThat(ctx).isNotNull();
        assertThat(ctx.origin()).hasValue("synthetics");
    }

    @Test
    void extract_emptyOrigin_isAbsent() {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(ids("1", "2", "x-datadog-origin", "")));

        assertThat(ctx).isNotNull();
        assertThat(ctx.origin()).isEmpty();
    }

    private static final String LONG_VALUE = "x".repeat(512 - "_dd.p.dm=-4,_dd.p.big=".length());

    static Stream<Arguments> tagHeaders() {
        return Stream.of(
                argumentSet("propagated tags kept, others dropped",
                        "_dd.p.dm=-4,_dd.p.usr.id=baz64,other=1,_dd.origin=rum",
                        0L, Map.of("_dd.p.dm", "-4", "_dd.p.usr.id", "baz64")),
                argumentSet("tid sets the upper bits",
                        "_dd.p.dm=-4,_dd.p.tid=640cfd8d00000000",
                        0x640cfd8d00000000L, Map.of("_dd.p.dm", "-4", "_dd.p.tid", "640cfd8d00000000")),
                argumentSet("tid with uppercase hex is ignored",
                        "_dd.p.tid=640CFD8D00000000,_dd.p.dm=-4", 0L, Map.of("_dd.p.dm", "-4")),
                argumentSet("tid of 15 digits is ignored", "_dd.p.tid=640cfd8d0000000", 0L, Map.of()),
                argumentSet("tid of 17 digits is ignored", "_dd.p.tid=640cfd8d000000000", 0L, Map.of()),
                argumentSet("tid of zeros is ignored", "_dd.p.tid=0000000000000000", 0L, Map.of()),
                argumentSet("tid not hex is ignored", "_dd.p.tid=640cfd8d0000000g,_dd.p.a=b", 0L, Map.of("_dd.p.a", "b")),
                argumentSet("entry without '=' skipped", "_dd.p.dm,_dd.p.a=1", 0L, Map.of("_dd.p.a", "1")),
                argumentSet("empty value skipped", "_dd.p.dm=,_dd.p.a=1", 0L, Map.of("_dd.p.a", "1")),
                argumentSet("empty key skipped", "=x,_dd.p.a=1", 0L, Map.of("_dd.p.a", "1")),
                argumentSet("bare prefix skipped", "_dd.p.=x,_dd.p.a=1", 0L, Map.of("_dd.p.a", "1")),
                argumentSet("space in key skipped", "_dd.p.a=1, _dd.p.b=2", 0L, Map.of("_dd.p.a", "1")),
                argumentSet("space in value kept", "_dd.p.a=x y", 0L, Map.of("_dd.p.a", "x y")),
                argumentSet("'=' in value kept", "_dd.p.a=x=y", 0L, Map.of("_dd.p.a", "x=y")),
                argumentSet("non-ASCII value skipped", "_dd.p.a=caf\u00e9,_dd.p.b=2", 0L, Map.of("_dd.p.b", "2")),
                argumentSet("empty entries skipped", ",,_dd.p.a=1,", 0L, Map.of("_dd.p.a", "1")),
                argumentSet("empty header", "", 0L, Map.of()),
                argumentSet("exactly 512 characters kept", "_dd.p.dm=-4,_dd.p.big=" + LONG_VALUE,
                        0L, Map.of("_dd.p.dm", "-4", "_dd.p.big", LONG_VALUE)),
                argumentSet("513 characters drop every tag, tid too",
                        "_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4,_dd.p.big=" + "x".repeat(513 - 49), 0L, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("tagHeaders")
    void extract_tagsHeader_keepsValidPropagatedTags(String header, long high, Map<String, String> tags) {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(ids("1234", "5678", "x-datadog-tags", header)));

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHigh()).isEqualTo(high);
        assertThat(ctx.traceIdLow()).isEqualTo(1234L);
        assertThat(ctx.tags()).containsExactlyInAnyOrderEntriesOf(tags);
    }

    @Test
    void tagsCap_boundaryHeaders_haveTheIntendedLengths() {
        // Guards the two table rows above against an off-by-one in the test data itself.
        assertThat(("_dd.p.dm=-4,_dd.p.big=" + LONG_VALUE).length()).isEqualTo(512);
        assertThat(("_dd.p.tid=640cfd8d00000000,_dd.p.dm=-4,_dd.p.big=" + "x".repeat(513 - 49)).length()).isEqualTo(513);
    }

    @Test
    void extract_allFields_buildsFullContext() {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(ids("7", "8",
                "x-datadog-sampling-priority", "2", "x-datadog-origin", "lambda",
                "x-datadog-tags", "_dd.p.tid=0000000000000001,_dd.p.dm=-4")));

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHex()).isEqualTo("00000000000000010000000000000007");
        assertThat(ctx.parentId()).isEqualTo(8L);
        assertThat(ctx.samplingPriority()).hasValue(2);
        assertThat(ctx.origin()).hasValue("lambda");
        assertThat(ctx.tags()).containsExactly(Map.entry("_dd.p.dm", "-4"), Map.entry("_dd.p.tid", "0000000000000001"));
        assertThat(ctx.format()).isEqualTo("datadog");
    }

    @Test
    void inject_fullContext_writesEveryHeader() {
        TraceContext ctx = TraceContext.builder()
                .traceId(0x640cfd8d00000000L, -1L).parentId(Long.MIN_VALUE).samplingPriority(-1)
                .origin("synthetics").tag("_dd.p.dm", "-4").tag("_dd.parent_id", "00f067aa0ba902b7").build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(
                Map.entry("x-datadog-trace-id", "18446744073709551615"),
                Map.entry("x-datadog-parent-id", "9223372036854775808"),
                Map.entry("x-datadog-sampling-priority", "-1"),
                Map.entry("x-datadog-origin", "synthetics"),
                Map.entry("x-datadog-tags", "_dd.p.dm=-4,_dd.p.tid=640cfd8d00000000"));
    }

    @Test
    void inject_minimalContext_writesOnlyIds() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(2).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(Map.entry("x-datadog-trace-id", "1"), Map.entry("x-datadog-parent-id", "2"));
    }

    @Test
    void inject_tagsOverCap_leavesTagsHeaderOut() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(2)
                .tag("_dd.p.big", "x".repeat(600)).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).doesNotContainKey("x-datadog-tags").containsEntry("x-datadog-trace-id", "1");
    }

    @Test
    void inject_unreadableTag_isLeftOut() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(2)
                .tag("_dd.p.a", "x,y").tag("_dd.p.b", "ok").build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsEntry("x-datadog-tags", "_dd.p.b=ok");
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                argumentSet("64-bit, no priority", TraceContext.builder().traceId(0, 1).parentId(1).build()),
                argumentSet("max ids", TraceContext.builder().traceId(-1L, -1L).parentId(-1L).samplingPriority(2).build()),
                argumentSet("128-bit with tags and origin", TraceContext.builder()
                        .traceId(0x5759e988bd862e3fL, 0xe1be46a994272793L).parentId(0x53995c3f42cd8ad8L)
                        .samplingPriority(0).origin("rum").tag("_dd.p.dm", "-3").build()));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void injectThenExtract_givesSameContext(TraceContext original) {
        TraceContext back = RoundTrip.of(FORMAT, original).back();
        assertThat(back.origin()).isEqualTo(original.origin());
        assertThat(back.tags()).isEqualTo(original.tags());
    }
}
