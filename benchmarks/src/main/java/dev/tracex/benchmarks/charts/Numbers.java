package dev.tracex.benchmarks.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as {@code report.py} and {@code cold-start-report.py} print them, so a chart's labels read as
 * the tables do: thousands separated by commas, halves rounded to even (Python's formatting).
 */
final class Numbers {
    private Numbers() {
    }

    /** {@code v} with {@code decimals} decimals: Python's {@code f"{v:,.Nf}"}. */
    static String fixed(double v, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN));
    }

    /** {@link #fixed} with its sign, {@code +} included: a difference. */
    static String signed(double v, int decimals) {
        String s = fixed(v, decimals);
        return s.startsWith("-") ? s : "+" + s;
    }

    /** A time as {@code report.py}'s {@code fmt}: no decimals from 100, one from 10, else two. */
    static String time(double v) {
        return fixed(v, v >= 100 ? 0 : v >= 10 ? 1 : 2);
    }

    /** A ratio: {@code 1.28x}. */
    static String ratio(double v) {
        return fixed(v, 2) + "x";
    }
}
