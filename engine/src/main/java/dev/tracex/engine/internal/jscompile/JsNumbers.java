package dev.tracex.engine.internal.jscompile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * JavaScript's number conversions, to the letter of the specification: Number::toString (the shortest digits
 * that read back as the same double), StringToNumber and {@code parseInt}. Java's own conversions differ
 * ({@code 1.0E21}, {@code "0x10"}, {@code "1d"}, trailing text), so none is used directly.
 */
final class JsNumbers {
    private static final double SAFE = 9007199254740991d;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final Pattern OCTAL = Pattern.compile("0[oO][0-7]+");
    private static final Pattern BINARY = Pattern.compile("0[bB][01]+");

    private JsNumbers() {
    }

    /** Integers of at most this many digits are exact as a {@code long} and as a double. */
    private static final int EXACT_DIGITS = 15;

    /**
     * A decimal number's text (a literal, a JSON number: digits, an optional sign, fraction and exponent) as a double.
     * Short integers, the common case (an index, an id's part, a priority), are summed digit by digit, exactly, so that
     * a cold start need not load the JDK's float parser (seven classes); the others are {@link Double#parseDouble}'s.
     */
    static double decimal(String text) {
        boolean negative = text.charAt(0) == '-';
        int from = negative ? 1 : 0;
        if (text.length() - from > EXACT_DIGITS) {
            return Double.parseDouble(text);
        }
        long v = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Double.parseDouble(text);
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -(double) v : v; // -0 stays negative zero
    }

    /** Number::toString(10). */
    static String toString(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == 0) {
            return "0"; // -0 too
        }
        if (d < 0) {
            return "-" + toString(-d);
        }
        if (Double.isInfinite(d)) {
            return "Infinity";
        }
        if (d <= SAFE && d == Math.rint(d)) {
            return Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal shortest = exact;
        for (int p = 1; p <= 17; p++) {
            // Both neighbours: next to a power of two the doubles' spacing changes, so the nearer one may not
            // read back while the farther one does.
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean downOk = down.doubleValue() == d;
            boolean upOk = up.doubleValue() == d;
            if (downOk && upOk) {
                shortest = exact.round(new MathContext(p, RoundingMode.HALF_EVEN)); // the closer, ties to even
                break;
            }
            if (downOk || upOk) {
                shortest = downOk ? down : up;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // the value is 0.digits x 10^n
        if (k <= n && n <= 21) {
            return digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + digits;
        }
        int e = n - 1;
        String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
        return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
    }

    /** StringToNumber: trimmed, empty is 0, Infinity, 0x/0o/0b, decimal literals; anything else NaN. */
    static double stringToNumber(String s) {
        String t = trim(s, true);
        if (t.isEmpty()) {
            return 0;
        }
        switch (t) {
            case "Infinity": case "+Infinity": return Double.POSITIVE_INFINITY;
            case "-Infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (DECIMAL.matcher(t).matches()) {
            return Double.parseDouble(t); // correctly rounded, as JS requires
        }
        if (HEX.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 16).doubleValue();
        }
        if (OCTAL.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 8).doubleValue();
        }
        if (BINARY.matcher(t).matches()) {
            return new BigInteger(t.substring(2), 2).doubleValue();
        }
        return Double.NaN;
    }

    /**
     * {@code parseInt(string, radix)} for radix 10, 16, or none ({@code radix} 0: 10, or 16 after a 0x prefix):
     * leading white space and a sign, then the longest run of digits; none is NaN. The digits are read exactly
     * and rounded once, as GraalJS does ({@code parseInt("12abc", 10)} is 12).
     */
    static double parseInt(String s, int radix) {
        if (radix == 10) {
            double quick = decimalPrefix(s);
            if (quick == quick) { // not NaN: the common case, read without allocating
                return quick;
            }
        }
        String t = trim(s, false);
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        int r = radix == 0 ? 10 : radix;
        if (radix != 10 && t.startsWith("0x", i) || radix != 10 && t.startsWith("0X", i)) {
            i += 2;
            r = 16;
        }
        int start = i;
        while (i < t.length() && Character.digit(t.charAt(i), r) >= 0 && t.charAt(i) < 0x80) {
            i++;
        }
        if (i == start) {
            return Double.NaN;
        }
        String digits = t.substring(start, i);
        double v = digits.length() <= 15 ? Long.parseLong(digits, r) : new BigInteger(digits, r).doubleValue();
        return negative ? -v : v;
    }

    /**
     * {@code parseInt(s, 10)} for text starting with an optional sign and 1 to 15 ASCII digits (exact in a double);
     * NaN for anything else, which the general path then reads.
     */
    private static double decimalPrefix(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long v = 0;
        while (i < n && i - start < 16) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            i++;
        }
        if (i == start || i - start > 15) {
            return Double.NaN;
        }
        return negative ? -(double) v : (double) v;
    }

    /** Without JavaScript's white space and line terminators at the start (and at the end when {@code both}). */
    static String trim(String s, boolean both) {
        int from = 0;
        int to = s.length();
        while (from < to && isJsSpace(s.charAt(from))) {
            from++;
        }
        while (both && to > from && isJsSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isJsSpace(char c) {
        return JsLexer.isSpace(c) || JsLexer.isLineTerminator(c);
    }

    /** Whether GraalJS hands a number to Java as a long ({@code Value.fitsInLong}): integral, in range, not -0. */
    static boolean fitsInLong(double d) {
        return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63 && !(d == 0 && 1 / d < 0);
    }

    /** As {@link #fitsInLong} for an int. */
    static boolean fitsInInt(double d) {
        return d == (int) d && !(d == 0 && 1 / d < 0);
    }
}
