package dev.tracex.engine.propagation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The W3C {@code baggage} header (<a href="https://www.w3.org/TR/baggage/">W3C Baggage</a>):
 * {@code key=value} members separated by commas, values percent-encoded UTF-8, optional
 * {@code ;property} metadata after a value (read past and dropped). Within W3C's limits: at most
 * {@link #MAX_MEMBERS} members and {@link #MAX_BYTES} bytes; members past either limit are dropped, those
 * before kept. A malformed member is skipped, the others kept (as OpenTelemetry's propagator does); of
 * repeated keys the last wins. Stateless; never throws.
 *
 * <pre>{@code
 * W3CBaggage.parse("userId=alice,serverNode=DF%2028"); // {userId=alice, serverNode=DF 28}
 * W3CBaggage.format(Map.of("userId", "alice"));        // "userId=alice"
 * }</pre>
 */
public final class W3CBaggage {
    /** The header's name. */
    public static final String HEADER = "baggage";
    /** W3C: a platform must propagate at least 64 members. */
    public static final int MAX_MEMBERS = 64;
    /** W3C: and at least 8192 bytes of baggage-string. */
    public static final int MAX_BYTES = 8192;

    private W3CBaggage() {
    }

    /** The entries of a {@code baggage} header, in order; empty for {@code null} or nothing valid. */
    public static Map<String, String> parse(String header) {
        if (header == null || header.isEmpty()) {
            return Map.of();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        int bytes = 0;
        int members = 0;
        int start = 0;
        while (start <= header.length() && members < MAX_MEMBERS) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? header.length() : comma;
            String member = header.substring(start, end);
            // Header text is ASCII when valid; a non-ASCII member is rejected below, so length counts bytes.
            bytes += member.length() + (start > 0 ? 1 : 0);
            if (bytes > MAX_BYTES) {
                break;
            }
            if (!member.isBlank()) {
                members++;
                addMember(member, entries);
            }
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return entries.isEmpty() ? Map.of() : Collections.unmodifiableMap(entries);
    }

    private static void addMember(String member, Map<String, String> entries) {
        int semicolon = member.indexOf(';');
        String pair = semicolon < 0 ? member : member.substring(0, semicolon);
        int eq = pair.indexOf('=');
        if (eq < 0) {
            return;
        }
        String key = pair.substring(0, eq).strip();
        String raw = pair.substring(eq + 1).strip();
        if (!isToken(key) || !isValueText(raw)) {
            return;
        }
        String value = percentDecode(raw);
        if (value != null) {
            entries.remove(key); // the last occurrence wins, in its own position
            entries.put(key, value);
        }
    }

    /** The header for {@code entries}: keys as given (tokens only), values percent-encoded; {@code null} when none is valid. */
    public static String format(Map<String, String> entries) {
        StringBuilder b = new StringBuilder();
        int members = 0;
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || !isToken(e.getKey())) {
                continue;
            }
            String member = e.getKey() + "=" + percentEncode(e.getValue());
            if (members == MAX_MEMBERS || b.length() + member.length() + (members > 0 ? 1 : 0) > MAX_BYTES) {
                break;
            }
            if (members++ > 0) {
                b.append(',');
            }
            b.append(member);
        }
        return members == 0 ? null : b.toString();
    }

    /** RFC 9110 token: the characters a key may have. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** W3C baggage-octet: printable ASCII but space, {@code "}, {@code ,}, {@code ;} and {@code \}. */
    private static boolean isValueText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == ',' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Percent-decoded UTF-8, or {@code null} for a bad escape or invalid UTF-8. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Every byte outside W3C's baggage-octet, and {@code %} itself, as {@code %XX}. */
    private static String percentEncode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\' && c != '%') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}
