package dev.tracex.engine.ids;

/** Fixed-width lowercase hex for 64-bit ids, and strict parsing of it. Internal: may change without notice. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code value} as 16 lowercase hex digits. */
    public static String of64(long value) {
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }

    /**
     * Parses {@code length} hex digits of {@code s} from {@code from} (at most 16) as an unsigned value.
     *
     * @param lowercaseOnly reject {@code A-F}, as W3C Trace Context requires
     * @throws NumberFormatException on a non-hex digit or a range outside {@code s}
     */
    public static long parse(CharSequence s, int from, int length, boolean lowercaseOnly) {
        if (length < 1 || length > 16 || from < 0 || from + length > s.length()) {
            throw new NumberFormatException("bad hex range");
        }
        long v = 0;
        for (int i = from; i < from + length; i++) {
            v = (v << 4) | digit(s.charAt(i), lowercaseOnly);
        }
        return v;
    }

    /** True when every character of {@code s} is a hex digit (lowercase only when asked). */
    public static boolean isHex(CharSequence s, boolean lowercaseOnly) {
        return isHex(s, 0, s.length(), lowercaseOnly);
    }

    /**
     * True when {@code length} characters of {@code s} from {@code from} exist and are all hex digits, so
     * that a parser can check a field in place before {@link #parse} without catching an exception.
     */
    public static boolean isHex(CharSequence s, int from, int length, boolean lowercaseOnly) {
        if (from < 0 || length < 0 || from + length > s.length()) {
            return false;
        }
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (!lowercaseOnly && c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static int digit(char c, boolean lowercaseOnly) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (!lowercaseOnly && c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new NumberFormatException("not a hex digit");
    }
}
