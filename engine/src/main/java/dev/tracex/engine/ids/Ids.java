package dev.tracex.engine.ids;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;

/**
 * Strict readers of trace and span ids. An id is an unsigned 64-bit value and never 0; every reader
 * returns {@code 0} for anything it does not accept, so callers test one value. Internal: may change
 * without notice.
 */
public final class Ids {
    private static final BigInteger MAX_UNSIGNED_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Ids() {
    }

    /**
     * Unsigned decimal text, digits only (no sign, no spaces), up to 2^64-1; else 0. Leading zeros are
     * allowed in any number, as Datadog's tracers read ids ({@code 000...0042} is 42): only the digits after
     * them are bounded, 1 to 20.
     */
    public static long decimal(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        int start = 0;
        while (start < s.length() - 1 && s.charAt(start) == '0') {
            start++;
        }
        if (s.length() - start > 20) {
            return 0;
        }
        long value = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        if (s.length() - start < 20) {
            // Below 10^19 < 2^64: the unsigned value, with no overflow to check (and no Long.parseUnsignedLong,
            // whose Character.digit calls C1, Lambda's JIT, does not make cheap).
            return value;
        }
        try {
            return Long.parseUnsignedLong(start == 0 ? s : s.substring(start));
        } catch (NumberFormatException e) {
            return 0; // above 2^64-1
        }
    }

    /** A JSON integer or decimal string as an unsigned 64-bit id; else 0. */
    public static long decimal(JsonNode v) {
        if (v == null) {
            return 0;
        }
        if (v.isTextual()) {
            return decimal(v.textValue());
        }
        if (v.isIntegralNumber()) {
            if (v.canConvertToLong()) {
                long l = v.longValue();
                return l > 0 ? l : 0;
            }
            BigInteger b = v.bigIntegerValue();
            return b.signum() > 0 && b.compareTo(MAX_UNSIGNED_64) <= 0 ? b.longValue() : 0;
        }
        return 0;
    }

    /**
     * Text of an optional minus sign and 1 to 9 digits (so it always fits an int), e.g. a sampling
     * priority or an array index; else {@code null}. No regex: this runs per event.
     */
    public static Integer smallInteger(String s) {
        int start = !s.isEmpty() && s.charAt(0) == '-' ? 1 : 0;
        int digits = s.length() - start;
        if (digits < 1 || digits > 9) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return Integer.parseInt(s);
    }

    /** Exactly 16 hex digits (either case) as an unsigned value; else 0. */
    public static long hex16(String s) {
        if (s == null || s.length() != 16 || !Hex.isHex(s, false)) {
            return 0;
        }
        return Hex.parse(s, 0, 16, false);
    }
}
