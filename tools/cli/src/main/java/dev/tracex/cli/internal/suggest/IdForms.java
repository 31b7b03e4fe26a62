package dev.tracex.cli.internal.suggest;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An id given to {@code tracex suggest} ({@code --trace-id}, {@code --parent-id}) and the ways an event may spell it:
 * an unsigned 64-bit decimal (Datadog), 16 hex digits, or, for a trace id, 32 hex digits whose lower half is the
 * 64-bit id (W3C, B3, X-Ray). Immutable.
 */
final class IdForms {
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}");
    private static final Pattern HEX16 = Pattern.compile("[0-9a-fA-F]{16}");
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");

    private final String label;
    private final String given;
    private final String decimal;
    private final String hex16;
    /** The whole 128-bit id when it was given so, else {@code null} (then any upper half matches). */
    private final String hex32;

    private IdForms(String label, String given, String decimal, String hex16, String hex32) {
        this.label = label;
        this.given = given;
        this.decimal = decimal;
        this.hex16 = hex16;
        this.hex32 = hex32;
    }

    /**
     * The forms of {@code text}, an id named {@code option} on the command line.
     *
     * @param wide whether 32 hex digits are allowed (trace ids)
     * @throws IllegalArgumentException naming the option and what it takes, when {@code text} is not an id
     */
    static IdForms parse(String option, String text, boolean wide) {
        String t = text.strip();
        String takes = wide ? "an unsigned 64-bit decimal, 16 or 32 hex digits" : "an unsigned 64-bit decimal or 16 hex digits";
        String label = wide ? "trace id" : "parent id";
        String hex;
        String full = null;
        if (HEX32.matcher(t).matches() && wide) {
            full = t.toLowerCase(Locale.ROOT);
            hex = full.substring(16);
        } else if (HEX16.matcher(t).matches() && !DECIMAL.matcher(t).matches()) {
            hex = t.toLowerCase(Locale.ROOT);
        } else if (DECIMAL.matcher(t).matches() && new BigInteger(t).bitLength() <= 64) {
            hex = String.format("%016x", new BigInteger(t));
        } else {
            throw new IllegalArgumentException(option + " " + text + ": not an id: give " + takes);
        }
        if (hex.chars().allMatch(c -> c == '0') && (full == null || full.chars().allMatch(c -> c == '0'))) {
            throw new IllegalArgumentException(option + " " + text + ": zero is not an id");
        }
        return new IdForms(label, t, new BigInteger(hex, 16).toString(), hex, full);
    }

    /** {@code trace id} or {@code parent id}. */
    String label() {
        return label;
    }

    /** The id as it was given. */
    String given() {
        return given;
    }

    /** How {@code s} spells this id when it is exactly the id ({@code decimal}, {@code 16 hex}, {@code 32 hex}), else {@code null}. */
    String exact(String s) {
        if (s.equals(decimal) || s.replaceFirst("^0+(?=.)", "").equals(decimal) && DECIMAL.matcher(s).matches()) {
            return "decimal";
        }
        if (s.equalsIgnoreCase(hex16)) {
            return "16 hex";
        }
        if (HEX32.matcher(s).matches() && (hex32 == null ? s.substring(16).equalsIgnoreCase(hex16) : s.equalsIgnoreCase(hex32))) {
            return "32 hex";
        }
        return null;
    }

    /** How {@code s} holds this id inside other text ({@code 32 hex}, {@code 16 hex}, {@code decimal}), else {@code null}. */
    String inside(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (hex32 != null && lower.contains(hex32)) {
            return "32 hex";
        }
        if (lower.contains(hex16)) {
            return "16 hex";
        }
        return s.contains(decimal) ? "decimal" : null;
    }

    /** True when {@code decimalId}, a context's id as {@code extract} prints it, is this id. */
    boolean isDecimal(String decimalId) {
        return decimal.equals(decimalId);
    }

    /** True when this id was given as its full 128 bits and {@code hex} (a context's {@code trace_id_128}) is it. */
    boolean is128(String hex) {
        return hex32 == null || hex32.equalsIgnoreCase(hex);
    }
}
