package dev.tracex.engine.internal.script;

/**
 * Base64 decoding as JavaScript extractors call it, with Node 20's answers: {@code Buffer.from(s, 'base64')} (and
 * {@code 'base64url'}), a buffer's {@code toString()} in UTF-8, Latin-1, ASCII or hex, and {@code atob(s)}. Shared by the
 * compiled subset and the GraalJS harness so that both give Node's answer; the tests hold it to a table Node wrote.
 * Bytes are held as a "binary string", one {@code char} (0-255) a byte, as {@code atob} returns them.
 * Stateless and thread-safe. Internal: may change without notice.
 *
 * <pre>{@code
 * JsBase64.utf8(JsBase64.buffer("eyJhIjoxfQ"))   // {"a":1}, as Buffer.from('eyJhIjoxfQ', 'base64').toString()
 * JsBase64.atob("YQ=")                             // null: atob throws InvalidCharacterError
 * }</pre>
 */
public final class JsBase64 {
    /** A byte's value in either alphabet ({@code +/} and {@code -_}), or -1. */
    private static final int[] VALUE = new int[256];

    static {
        java.util.Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
        VALUE['-'] = 62;
        VALUE['_'] = 63;
    }

    private JsBase64() {
    }

    /**
     * Node's lenient decoder: reads each UTF-16 unit's low byte (Node's C++ decoder does, so {@code 'Ł'}, U+0141,
     * reads as {@code 'A'}), skips what is not in either alphabet (white space included), stops at the first
     * {@code '='}, and decodes a last group of 2 or 3 characters to 1 or 2 bytes.
     */
    public static String buffer(String s) {
        char[] out = new char[s.length() * 3 / 4 + 2];
        int k = 0;
        int n = 0;
        int hi = 0;
        for (int i = 0; i < s.length(); i++) {
            int b = s.charAt(i) & 0xFF;
            int v = VALUE[b];
            if (v < 0) {
                if (b == '=') {
                    break;
                }
                continue;
            }
            switch (n++ & 3) {
                case 1:
                    out[k++] = (char) (((hi & 0x3F) << 2) | ((v & 0x30) >> 4));
                    break;
                case 2:
                    out[k++] = (char) (((hi & 0x0F) << 4) | ((v & 0x3C) >> 2));
                    break;
                case 3:
                    out[k++] = (char) (((hi & 0x03) << 6) | v);
                    break;
                default:
                    break;
            }
            hi = v;
        }
        return new String(out, 0, k);
    }

    /**
     * {@code atob} as Node 20 implements the WHATWG "forgiving-base64 decode": ASCII white space (tab, line feed,
     * form feed, carriage return, space) is ignored, only the standard alphabet is accepted, {@code '='} only as one
     * or two last characters completing a group of four, and a last group of one character is refused. The bytes,
     * or {@code null} where {@code atob} throws an {@code InvalidCharacterError}.
     */
    public static String atob(String s) {
        int significant = 0;
        int equals = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ') {
                continue;
            }
            if (c == '=') {
                equals++;
            } else if (c > 0x7F || c == '-' || c == '_' || VALUE[c] < 0 || equals > 0) {
                return null;
            }
            significant++;
            if (equals > 2) {
                return null;
            }
        }
        int remainder = significant % 4;
        if (remainder == 0) {
            remainder = (significant - equals) % 4;
        } else if (equals > 0) {
            return null;
        }
        return remainder == 1 ? null : buffer(s);
    }

    /** The reason {@code atob(s)} throws, as Node words it, for a string {@link #atob} refuses. */
    public static String atobError(String s) {
        int significant = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
            if (!space && (c == '=' || c <= 0x7F && c != '-' && c != '_' && VALUE[c] >= 0)) {
                significant++;
            } else if (!space) {
                return "Invalid character";
            }
        }
        return s.indexOf('=') < 0 && significant % 4 == 1 ? "The string to be decoded is not correctly encoded."
                : "Invalid character";
    }

    /**
     * A buffer's {@code toString()}: its bytes as UTF-8, each ill-formed sequence replaced by U+FFFD as the WHATWG
     * Encoding standard (and V8) replace them, one for each maximal part of a sequence; a byte order mark is kept.
     */
    public static String utf8(String bytes) {
        StringBuilder b = new StringBuilder(bytes.length());
        int needed = 0;
        int seen = 0;
        int codePoint = 0;
        int lower = 0x80;
        int upper = 0xBF;
        int i = 0;
        while (i < bytes.length()) {
            int c = bytes.charAt(i);
            if (needed == 0) {
                i++;
                if (c <= 0x7F) {
                    b.append((char) c);
                } else if (c >= 0xC2 && c <= 0xDF) {
                    needed = 1;
                    codePoint = c & 0x1F;
                } else if (c >= 0xE0 && c <= 0xEF) {
                    lower = c == 0xE0 ? 0xA0 : 0x80;
                    upper = c == 0xED ? 0x9F : 0xBF;
                    needed = 2;
                    codePoint = c & 0x0F;
                } else if (c >= 0xF0 && c <= 0xF4) {
                    lower = c == 0xF0 ? 0x90 : 0x80;
                    upper = c == 0xF4 ? 0x8F : 0xBF;
                    needed = 3;
                    codePoint = c & 0x07;
                } else {
                    b.append('\uFFFD');
                }
                continue;
            }
            if (c < lower || c > upper) {
                // The sequence so far is one replacement; this byte starts over (it is not consumed).
                needed = 0;
                seen = 0;
                lower = 0x80;
                upper = 0xBF;
                b.append('\uFFFD');
                continue;
            }
            i++;
            lower = 0x80;
            upper = 0xBF;
            codePoint = (codePoint << 6) | (c & 0x3F);
            if (++seen == needed) {
                b.appendCodePoint(codePoint);
                needed = 0;
                seen = 0;
            }
        }
        if (needed != 0) {
            b.append('\uFFFD');
        }
        return b.toString();
    }

    /** A buffer's {@code toString('ascii')}: each byte's low seven bits, as Node 20 decodes 'ascii'. */
    public static String ascii(String bytes) {
        char[] out = new char[bytes.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (char) (bytes.charAt(i) & 0x7F);
        }
        return new String(out);
    }

    /**
     * A buffer's {@code toString(encoding)} for the encodings tracex has: {@code utf8} ({@code utf-8}), {@code latin1}
     * ({@code binary}), {@code ascii} and {@code hex}, in any case as Node reads them; {@code null} for any other.
     */
    public static String text(String bytes, String encoding) {
        switch (encoding.toLowerCase(java.util.Locale.ROOT)) {
            case "utf8":
            case "utf-8":
                return utf8(bytes);
            case "latin1":
            case "binary":
                return bytes;
            case "ascii":
                return ascii(bytes);
            case "hex":
                return hex(bytes);
            default:
                return null;
        }
    }

    /** A buffer's {@code toString('hex')}. */
    public static String hex(String bytes) {
        StringBuilder b = new StringBuilder(bytes.length() * 2);
        for (int i = 0; i < bytes.length(); i++) {
            int c = bytes.charAt(i);
            b.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
        }
        return b.toString();
    }
}
