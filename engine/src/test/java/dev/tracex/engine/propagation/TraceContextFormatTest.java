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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

class TraceContextFormatTest {
    private static final TraceContextFormat FORMAT = TraceContextFormat.INSTANCE;

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PARENT_ID = "b7ad6b7169203331";
    private static final String VALID = "00-" + TRACE_ID + "-" + PARENT_ID + "-01";

    private static TraceContext extract(String traceparent, String tracestate) {
        Map<String, String> m = new LinkedHashMap<>();
        if (traceparent != null) {
            m.put("traceparent", traceparent);
        }
        if (tracestate != null) {
            m.put("tracestate", tracestate);
        }
        return FORMAT.extract(HeaderCarrier.of(m));
    }

    static Stream<Arguments> validTraceparents() {
        return Stream.of(
                argumentSet("sampled", VALID, 0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, true),
                argumentSet("not sampled", "00-" + TRACE_ID + "-" + PARENT_ID + "-00",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, false),
                argumentSet("unknown flag bits ignored, sampled bit read", "00-" + TRACE_ID + "-" + PARENT_ID + "-ff",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, true),
                argumentSet("unknown flag bits only", "00-" + TRACE_ID + "-" + PARENT_ID + "-02",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, false),
                argumentSet("64-bit id in 128 bits", "00-0000000000000000000000000000002a-000000000000000b-01",
                        0L, 42L, 11L, true),
                argumentSet("lower 64 bits zero (valid per spec)", "00-00000000000000010000000000000000-000000000000000b-01",
                        1L, 0L, 11L, true),
                argumentSet("max ids", "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01", -1L, -1L, -1L, true),
                argumentSet("leading and trailing spaces", "  " + VALID + " ",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, true),
                argumentSet("leading and trailing tabs", "\t" + VALID + "\t",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, true),
                argumentSet("future version cc", "cc-" + TRACE_ID + "-" + PARENT_ID + "-01",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, true),
                argumentSet("future version cc with extra fields",
                        "cc-" + TRACE_ID + "-" + PARENT_ID + "-01-what-the-future-will-be-like",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, true),
                argumentSet("future version 01 with an empty extra field", "01-" + TRACE_ID + "-" + PARENT_ID + "-00-",
                        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, false));
    }

    @ParameterizedTest
    @MethodSource("validTraceparents")
    void extract_validTraceparent_readsIdsAndFlag(String traceparent, long high, long low, long parent, boolean sampled) {
        TraceContext ctx = extract(traceparent, null);

        assertThat(ctx).isNotNull();
        assertThat(ctx.traceIdHigh()).isEqualTo(high);
        assertThat(ctx.traceIdLow()).isEqualTo(low);
        assertThat(ctx.parentId()).isEqualTo(parent);
        assertThat(ctx.sampled()).isEqualTo(sampled);
        assertThat(ctx.samplingPriority()).hasValue(sampled ? 1 : 0);
        assertThat(ctx.origin()).isEmpty();
        assertThat(ctx.tracestate()).isEmpty();
        assertThat(ctx.format()).isEqualTo("tracecontext");
        assertThat(ctx.rule()).isNull();
    }

    // The W3C test suite's rejections (test/test.py), plus a few of the same kind.
    static Stream<Arguments> invalidTraceparents() {
        return Stream.of(
                argumentSet("version ff", "ff-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("version 00 with extra field", VALID + "-what-the-future-will-be-like"),
                argumentSet("version 00 with trailing dash", VALID + "-"),
                argumentSet("future version, extra field without dash", "cc-" + TRACE_ID + "-" + PARENT_ID + "-01.what-the-future-will-be-like"),
                argumentSet("version illegal char first", ".0-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("version illegal char second", "0.-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("version uppercase", "0A-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("version too long", "000-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("version too long (4)", "0000-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("version too short", "0-" + TRACE_ID + "-" + PARENT_ID + "-01"),
                argumentSet("trace id all zero", "00-00000000000000000000000000000000-" + PARENT_ID + "-01"),
                argumentSet("trace id illegal char first", "00-.af7651916cd43dd8448eb211c80319c-" + PARENT_ID + "-01"),
                argumentSet("trace id illegal char last", "00-0af7651916cd43dd8448eb211c80319.-" + PARENT_ID + "-01"),
                argumentSet("trace id uppercase", "00-0AF7651916CD43DD8448EB211C80319C-" + PARENT_ID + "-01"),
                argumentSet("trace id too long", "00-" + TRACE_ID + "00-" + PARENT_ID + "-01"),
                argumentSet("trace id too short", "00-" + TRACE_ID.substring(2) + "-" + PARENT_ID + "-01"),
                argumentSet("parent id all zero", "00-" + TRACE_ID + "-0000000000000000-01"),
                argumentSet("parent id illegal char", "00-" + TRACE_ID + "-.7ad6b7169203331-01"),
                argumentSet("parent id uppercase", "00-" + TRACE_ID + "-B7AD6B7169203331-01"),
                argumentSet("parent id too long", "00-" + TRACE_ID + "-" + PARENT_ID + "00-01"),
                argumentSet("parent id too short", "00-" + TRACE_ID + "-" + PARENT_ID.substring(2) + "-01"),
                argumentSet("flags illegal char first", "00-" + TRACE_ID + "-" + PARENT_ID + "-.0"),
                argumentSet("flags illegal char second", "00-" + TRACE_ID + "-" + PARENT_ID + "-0."),
                argumentSet("flags uppercase", "00-" + TRACE_ID + "-" + PARENT_ID + "-0A"),
                argumentSet("flags too long", "00-" + TRACE_ID + "-" + PARENT_ID + "-001"),
                argumentSet("flags too short", "00-" + TRACE_ID + "-" + PARENT_ID + "-1"),
                argumentSet("flags missing", "00-" + TRACE_ID + "-" + PARENT_ID),
                argumentSet("underscore delimiters", "00_" + TRACE_ID + "_" + PARENT_ID + "_01"),
                argumentSet("space inside", "00-" + TRACE_ID + " -" + PARENT_ID + "-01"),
                argumentSet("empty", ""),
                argumentSet("only spaces", "   "),
                argumentSet("two headers joined", VALID + "," + VALID));
    }

    @ParameterizedTest
    @MethodSource("invalidTraceparents")
    void extract_invalidTraceparent_isNull(String traceparent) {
        assertThat(extract(traceparent, "dd=s:2;o:rum,congo=t61rcWkgMzE")).isNull();
    }

    @Test
    void extract_tracestateWithoutTraceparent_isNull() {
        assertThat(extract(null, "dd=s:2;o:rum")).isNull();
    }

    @Test
    void extract_nullCarrier_isNull() {
        assertThat(FORMAT.extract(null)).isNull();
    }

    @Test
    void extract_uppercaseHeaderName_isFound() {
        TraceContext ctx = FORMAT.extract(HeaderCarrier.of(Map.of("Traceparent", VALID, "TraceState", "dd=s:2")));

        assertThat(ctx).isNotNull();
        assertThat(ctx.samplingPriority()).hasValue(2);
        assertThat(ctx.tracestate()).hasValue("dd=s:2");
    }

    // Datadog's reconciliation of the sampled flag with the s: priority.
    static Stream<Arguments> priorities() {
        return Stream.of(
                argumentSet("sampled, no s", "01", null, 1),
                argumentSet("sampled, s:2 kept", "01", "dd=s:2", 2),
                argumentSet("sampled, s:1 kept", "01", "dd=s:1", 1),
                argumentSet("sampled, s:0 overridden", "01", "dd=s:0", 1),
                argumentSet("sampled, s:-1 overridden", "01", "dd=s:-1", 1),
                argumentSet("not sampled, no s", "00", null, 0),
                argumentSet("not sampled, s:-1 kept", "00", "dd=s:-1", -1),
                argumentSet("not sampled, s:0 kept", "00", "dd=s:0", 0),
                argumentSet("not sampled, s:1 overridden", "00", "dd=s:1", 0),
                argumentSet("not sampled, s:2 overridden", "00", "dd=s:2", 0),
                argumentSet("sampled, malformed s", "01", "dd=s:x", 1),
                argumentSet("not sampled, malformed s", "00", "dd=s:", 0),
                argumentSet("sampled, other vendor only", "01", "rojo=00f067aa0ba902b7", 1));
    }

    @ParameterizedTest
    @MethodSource("priorities")
    void extract_flagAndTracestatePriority_reconcile(String flags, String tracestate, int expected) {
        TraceContext ctx = extract("00-" + TRACE_ID + "-" + PARENT_ID + "-" + flags, tracestate);

        assertThat(ctx).isNotNull();
        assertThat(ctx.samplingPriority()).hasValue(expected);
    }

    static Stream<Arguments> ddMembers() {
        return Stream.of(
                argumentSet("all fields",
                        "dd=s:2;o:rum;p:00f067aa0ba902b7;t.dm:-4;t.usr.id:baz64~~,congo=t61rcWkgMzE",
                        2, "rum", Map.of("_dd.parent_id", "00f067aa0ba902b7", "_dd.p.dm", "-4", "_dd.p.usr.id", "baz64==")),
                argumentSet("dd not first, spaces around members",
                        "congo=t61rcWkgMzE , dd=s:1;o:synthetics~browser ,rojo=x",
                        1, "synthetics=browser", Map.of()),
                argumentSet("only the first dd member is read", "dd=o:first,dd=o:second", 1, "first", Map.of()),
                argumentSet("malformed elements skipped one by one",
                        "dd=s:2;junk;:x;o:;t.:y;t.dm:-4;p:123;t.ok:1",
                        2, null, Map.of("_dd.p.dm", "-4", "_dd.p.ok", "1")),
                argumentSet("uppercase p ignored", "dd=p:00F067AA0BA902B7", 1, null, Map.of()),
                argumentSet("t.tid left to the traceparent", "dd=t.tid:640cfd8d00000000;t.dm:-4", 1, null,
                        Map.of("_dd.p.dm", "-4")),
                argumentSet("unknown keys ignored", "dd=x:1;s:1;t.a:b", 1, null, Map.of("_dd.p.a", "b")),
                argumentSet("key containing dd is not dd", "xdd=s:2;o:rum", 1, null, Map.of()),
                argumentSet("empty dd member", "dd=", 1, null, Map.of()));
    }

    @ParameterizedTest
    @MethodSource("ddMembers")
    void extract_ddMember_readsPriorityOriginAndTags(String tracestate, int priority, String origin, Map<String, String> tags) {
        TraceContext ctx = extract(VALID, tracestate);

        assertThat(ctx).isNotNull();
        assertThat(ctx.samplingPriority()).hasValue(priority);
        assertThat(ctx.origin().orElse(null)).isEqualTo(origin);
        assertThat(ctx.tags()).containsExactlyInAnyOrderEntriesOf(withTid(tags));
        assertThat(ctx.tracestate()).hasValue(tracestate.trim());
    }

    // The context always adds _dd.p.tid for a non-zero upper half; VALID has one.
    private static Map<String, String> withTid(Map<String, String> tags) {
        Map<String, String> m = new HashMap<>(tags);
        m.put("_dd.p.tid", "0af7651916cd43dd");
        return m;
    }

    @Test
    void extract_tracestate_isKeptRawAndTrimmed() {
        TraceContext ctx = extract(VALID, " \trojo=00f067aa0ba902b7,congo=t61rcWkgMzE ");

        assertThat(ctx).isNotNull();
        assertThat(ctx.tracestate()).hasValue("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    }

    @Test
    void extract_blankTracestate_isAbsent() {
        TraceContext ctx = extract(VALID, "  ");

        assertThat(ctx).isNotNull();
        assertThat(ctx.tracestate()).isEmpty();
    }

    @Test
    void extract_flag_isKeptAsSampledFlag() {
        TraceContext kept = extract(VALID, "dd=s:2");
        TraceContext dropped = extract("00-" + TRACE_ID + "-" + PARENT_ID + "-00", "dd=s:-1");

        assertThat(kept.toBuilder().samplingPriority(null).build().sampled()).isTrue();
        assertThat(dropped.toBuilder().samplingPriority(null).build().sampled()).isFalse();
    }

    @Test
    void inject_fullContext_writesDdMemberFirstThenOtherVendors() {
        TraceContext ctx = TraceContext.builder()
                .traceId(0x0af7651916cd43ddL, 0x8448eb211c80319cL).parentId(0x00f067aa0ba902b7L)
                .samplingPriority(2).origin("synthetics=browser")
                .tag("_dd.p.dm", "-4").tag("_dd.p.usr.id", "a=b;c,d~e").tag("_dd.parent_id", "b7ad6b7169203331")
                .tracestate("congo=t61rcWkgMzE,dd=s:1;o:old, rojo=00f067aa0ba902b7")
                .build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(
                Map.entry("traceparent", "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01"),
                Map.entry("tracestate", "dd=s:2;o:synthetics~browser;p:00f067aa0ba902b7;t.dm:-4;t.usr.id:a~b_c_d_e,"
                        + "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7"));
    }

    @Test
    void inject_notSampledNoPriorityNoTracestate_writesMinimalDdMember() {
        TraceContext ctx = TraceContext.builder().traceId(0, 42).parentId(11).sampledFlag(false).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsOnly(
                Map.entry("traceparent", "00-0000000000000000000000000000002a-000000000000000b-00"),
                Map.entry("tracestate", "dd=p:000000000000000b"));
    }

    @Test
    void inject_nonAsciiOriginAndTagKey_areReplaced() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(1).origin("caf\u00e9\t")
                .tag("_dd.p.k:y z", "v").build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        assertThat(headers).containsEntry("tracestate", "dd=o:caf__;p:0000000000000001;t.k_y_z:v");
    }

    @Test
    void inject_manyVendors_keepsAtMost32Members() {
        String vendors = IntStream.range(0, 40).mapToObj(i -> "v" + i + "=x").collect(Collectors.joining(","));
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(1).tracestate(vendors).build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        String[] members = headers.get("tracestate").split(",");
        assertThat(members).hasSize(32);
        assertThat(members[0]).isEqualTo("dd=p:0000000000000001");
        assertThat(members[1]).isEqualTo("v0=x");
        assertThat(members[31]).isEqualTo("v30=x");
    }

    @Test
    void inject_tagsBeyond256Characters_areLeftOut() {
        TraceContext ctx = TraceContext.builder().traceId(0, 1).parentId(1)
                .tag("_dd.p.a", "x".repeat(200)).tag("_dd.p.b", "y".repeat(100)).tag("_dd.p.c", "z").build();
        Map<String, String> headers = new HashMap<>();

        FORMAT.inject(ctx, headers);

        String dd = headers.get("tracestate");
        assertThat(dd).isEqualTo("dd=p:0000000000000001;t.a:" + "x".repeat(200) + ";t.c:z");
        assertThat(dd.length()).isLessThanOrEqualTo(256);
    }

    static Stream<Arguments> roundTrips() {
        return Stream.of(
                argumentSet("64-bit, kept", TraceContext.builder().traceId(0, 42).parentId(11).samplingPriority(1).build()),
                argumentSet("128-bit, user keep, origin, tags", TraceContext.builder()
                        .traceId(0x5759e988bd862e3fL, 0xe1be46a994272793L).parentId(0x53995c3f42cd8ad8L)
                        .samplingPriority(2).origin("rum").tag("_dd.p.dm", "-4").tag("_dd.p.usr.id", "a=b").build()),
                argumentSet("user reject", TraceContext.builder().traceId(-1L, -1L).parentId(-1L).samplingPriority(-1).build()));
    }

    @ParameterizedTest
    @MethodSource("roundTrips")
    void injectThenExtract_givesSameContext(TraceContext original) {
        RoundTrip trip = RoundTrip.of(FORMAT, original);
        TraceContext back = trip.back();
        assertThat(back.origin()).isEqualTo(original.origin());
        Map<String, String> expectedTags = new HashMap<>(original.tags());
        expectedTags.put("_dd.parent_id", original.parentIdHex());
        assertThat(back.tags()).isEqualTo(expectedTags);
        assertThat(back.tracestate()).hasValue(trip.headers().get("tracestate"));
    }
}
