package dev.tracex.engine.internal.json;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pull reader of one JSON value in UTF-8 bytes, used in place of jackson-core's parser wherever the engine reads
 * events and precompiled rules. A function's cold start paid some 45 ms for jackson-core's first parser (its
 * {@code JsonFactory} alone loads about 70 classes, most of them by the verifier) before the first event could be
 * read; this reader is one class with four small nested ones. It reads what jackson-core's default parser reads and
 * refuses what it refuses, with the same default limits ({@code StreamReadConstraints}: nesting depth 1,000, strings
 * of 20,000,000 characters, names of 50,000 bytes, numbers of 1,000 digits), so an event reads the same either way
 * ({@code JsonReaderTest} compares them).
 *
 * <p>Only the first value of the input is read; what follows it is not looked at, as {@code readTree} does. Strings
 * and numbers are checked when met and decoded only when asked for, so what a rule skips costs a scan. Field names
 * that are plain ASCII, the usual case, are shared through a small cache instead of made anew for every event.
 * Input that is not UTF-8 (UTF-16 or UTF-32, which jackson-core would detect) is refused: Lambda's events are UTF-8.
 * Internal: may change without notice.
 */
public final class JsonReader {
    /** What {@link #nextToken()} met. */
    public enum Token {
        START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, FIELD_NAME, STRING, INTEGER, FLOAT, TRUE, FALSE, NULL
    }

    /** Input that is not a JSON value, or exceeds a limit; says what was found where. */
    public static final class MalformedJson extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedJson(String message, int offset) {
            super(message + " at byte " + offset);
        }
    }

    // jackson-core's StreamReadConstraints defaults (2.21), so that what one refuses the other refuses too.
    static final int MAX_DEPTH = 1000;
    static final int MAX_STRING_LENGTH = 20_000_000;
    static final int MAX_NAME_LENGTH = 50_000;
    static final int MAX_NUMBER_LENGTH = 1000;

    /** The bytes that stand for themselves in a string: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private final byte[] buf;
    private final int end;
    private int pos;
    /** The limits this reader applies: jackson-core's defaults, or none ({@link #unbounded()}). */
    private int maxDepth = MAX_DEPTH;
    private int maxStringLength = MAX_STRING_LENGTH;
    private int maxNameLength = MAX_NAME_LENGTH;
    private int maxNumberLength = MAX_NUMBER_LENGTH;

    /** Open containers, innermost last: true for an object. */
    private boolean[] containers = new boolean[16];
    private int depth;
    private Token current;
    private boolean done;

    /** The current string's, name's or number's bytes, quotes excluded; {@code escaped}: it has escapes or non-ASCII. */
    private int tokenStart;
    private int tokenEnd;
    private boolean escaped;
    /** The current string has bytes above ASCII (then it is {@code escaped} too). */
    private boolean nonAscii;
    /** Where the current string encodes a surrogate in UTF-8, or -1: refused when decoded, as jackson-core does. */
    private int encodedSurrogate;
    /** The current name's hash, when it is plain ASCII ({@link FieldNames}). */
    private int nameHash;

    private JsonReader(byte[] buf, int offset, int length, boolean bytesMayHaveBom) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        if (bytesMayHaveBom && length >= 3 && (buf[offset] & 0xFF) == 0xEF && (buf[offset + 1] & 0xFF) == 0xBB && (buf[offset + 2] & 0xFF) == 0xBF) {
            pos += 3; // a UTF-8 byte order mark, skipped as jackson-core skips it
        }
    }

    public static JsonReader of(byte[] utf8) {
        return new JsonReader(utf8, 0, utf8.length, true);
    }

    public static JsonReader of(byte[] utf8, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > utf8.length) {
            throw new IndexOutOfBoundsException(offset + "+" + length + " of " + utf8.length);
        }
        return new JsonReader(utf8, offset, length, true);
    }

    /**
     * A reader of text, read as jackson-core reads a {@code String}: a leading U+FEFF is a character there, not a byte
     * order mark (refused), and a surrogate without its pair, which UTF-8 cannot hold, is kept in the string it is in
     * (written for the reader as the JSON escape of itself, which reads as the same code unit).
     */
    public static JsonReader of(String json) {
        byte[] utf8 = utf8(json);
        return new JsonReader(utf8, 0, utf8.length, false);
    }

    /**
     * {@code text} as UTF-8, a surrogate without its pair as its JSON escape: inside a string that escape reads as the
     * same code unit, outside one either is refused. After a backslash (as an escape's letter, which no escape has)
     * it is written as {@code ?}, refused there as the surrogate is.
     */
    private static byte[] utf8(String text) {
        int i = 0;
        while (i < text.length() && !Character.isSurrogate(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                b.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                int slashes = 0;
                for (int j = i - 1; j >= 0 && text.charAt(j) == '\\'; j--) {
                    slashes++;
                }
                b.append(slashes % 2 == 1 ? "?" : "\\u" + Integer.toHexString(c));
            } else {
                b.append(c);
            }
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * This reader without limits of depth or length (the nesting is held in an array, not on the stack), for JS's
     * {@code JSON.parse}, which has none. Before the first token.
     */
    public JsonReader unbounded() {
        maxDepth = maxStringLength = maxNameLength = maxNumberLength = Integer.MAX_VALUE;
        return this;
    }

    /**
     * After a complete value: whether nothing but white space follows it ({@link #nextToken()} leaves what follows
     * the first value unread, as jackson-core's {@code readTree} does; {@code JSON.parse} refuses it).
     */
    public boolean onlySpaceFollows() {
        return skipSpace() < 0;
    }

    /**
     * The next token's text, which the {@code form} being read (one of tracex's own files, named in the error:
     * "precompiled rules file") must have as a string there.
     */
    public String nextText(String form) throws MalformedJson {
        require(nextToken() == Token.STRING, form);
        return text();
    }

    /** The next token as an {@code int}, which the {@code form} being read must have there. */
    public int nextInt(String form) throws MalformedJson {
        require(nextToken() == Token.INTEGER, form);
        return intValue();
    }

    /** Fails, naming the {@code form} and the current token, where the form's layout does not hold. */
    public void require(boolean ok, String form) throws MalformedJson {
        if (!ok) {
            throw new MalformedJson("not a " + form + ": unexpected " + current, pos);
        }
    }

    public Token currentToken() {
        return current;
    }

    /**
     * The next token of the value, or {@code null} when the value is complete (or the input empty).
     *
     * @throws MalformedJson where the input stops being JSON
     */
    public Token nextToken() throws MalformedJson {
        if (done) {
            return current = null;
        }
        int c = skipSpace();
        Token t = current;
        if (t == Token.FIELD_NAME) {
            if (c != ':') {
                throw unexpected(c, "':' after a field name");
            }
            pos++;
            return value(skipSpace());
        }
        if (depth == 0) {
            if (t != null) { // the first value is complete; what follows is not read
                done = true;
                return current = null;
            }
            if (c < 0) {
                done = true;
                return null;
            }
            return value(c);
        }
        boolean object = containers[depth - 1];
        int close = object ? '}' : ']';
        if (c == close) {
            pos++;
            depth--;
            return current = object ? Token.END_OBJECT : Token.END_ARRAY;
        }
        if (t != Token.START_OBJECT && t != Token.START_ARRAY) { // after a value: a comma before the next one
            if (c != ',') {
                throw unexpected(c, object ? "',' or '}'" : "',' or ']'");
            }
            pos++;
            c = skipSpace();
        }
        if (!object) {
            return value(c);
        }
        if (c != '"') {
            throw unexpected(c, "a field name");
        }
        scanName();
        if (tokenEnd - tokenStart > maxNameLength) { // jackson-core checks every name it reads, in bytes
            throw new MalformedJson("name longer than " + maxNameLength + " bytes", tokenStart);
        }
        return current = Token.FIELD_NAME;
    }

    /** Moves to the next field's name and returns it; {@code null}, on the object's end, when there is none. */
    public String nextFieldName() throws MalformedJson {
        return nextToken() == Token.FIELD_NAME ? name() : null;
    }

    /** When on a container's start, moves to its end, reading (and checking) everything in it; else does nothing. */
    public void skipChildren() throws MalformedJson {
        if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
            return;
        }
        int level = depth - 1;
        while (depth > level) {
            if (nextToken() == null) {
                throw new MalformedJson("unexpected end of input", pos);
            }
        }
    }

    /**
     * The text of the current string, field name or number.
     *
     * @throws MalformedJson for a string holding a surrogate encoded in UTF-8 or longer than the limit (jackson-core
     *                       refuses such a string when it decodes it, and only then)
     */
    public String text() throws MalformedJson {
        if (current == Token.FIELD_NAME) {
            return name();
        }
        if (current == Token.STRING) {
            checkLength(maxStringLength); // jackson-core checks a string's length where it decodes it, not where it skips it
            if (!escaped) {
                return new String(buf, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1);
            }
            byte[] ascii = unescapeAscii(tokenStart, tokenEnd);
            return ascii != null ? new String(ascii, StandardCharsets.ISO_8859_1) : decode(tokenStart, tokenEnd);
        }
        if (current == Token.INTEGER || current == Token.FLOAT) {
            return new String(buf, tokenStart, tokenEnd - tokenStart, StandardCharsets.ISO_8859_1);
        }
        return current == null ? null : current == Token.TRUE ? "true" : current == Token.FALSE ? "false"
                : current == Token.NULL ? "null" : current == Token.START_OBJECT ? "{" : current == Token.END_OBJECT ? "}"
                : current == Token.START_ARRAY ? "[" : "]";
    }

    /**
     * The current string's characters as bytes when they are all ASCII (escaped or not), else {@code null}: text that
     * is itself JSON (an SQS body, an SNS message) is then read again from these bytes, without encoding it anew.
     */
    public byte[] asciiText() throws MalformedJson {
        if (current != Token.STRING) {
            return null;
        }
        checkLength(maxStringLength);
        return escaped ? unescapeAscii(tokenStart, tokenEnd) : Arrays.copyOfRange(buf, tokenStart, tokenEnd);
    }

    /** The current integer as the smallest of {@link Integer}, {@link Long} and {@link BigInteger} that holds it. */
    public Number integerValue() throws MalformedJson {
        int digits = tokenEnd - tokenStart - (buf[tokenStart] == '-' ? 1 : 0);
        if (digits <= 18) {
            long v = 0;
            int i = buf[tokenStart] == '-' ? tokenStart + 1 : tokenStart;
            for (; i < tokenEnd; i++) {
                v = v * 10 + (buf[i] - '0');
            }
            if (buf[tokenStart] == '-') {
                v = -v;
            }
            return v == (int) v ? (Number) (int) v : (Number) v;
        }
        BigInteger big = new BigInteger(text());
        return big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    /** The current integer as an {@code int}, failing on anything else: for numbers known to be ints. */
    public int intValue() throws MalformedJson {
        Number n = current == Token.INTEGER ? integerValue() : null;
        if (!(n instanceof Integer)) {
            throw new MalformedJson("expected an int, found " + text(), tokenStart);
        }
        return n.intValue();
    }

    /** The current integer as a {@code long}, failing on anything else: for numbers known to be longs. */
    public long longValue() throws MalformedJson {
        Number n = current == Token.INTEGER ? integerValue() : null;
        if (!(n instanceof Integer || n instanceof Long)) {
            throw new MalformedJson("expected a long, found " + text(), tokenStart);
        }
        return n.longValue();
    }

    /** The current number as a {@code double}, as jackson-core reads it by default ({@link Double#parseDouble}). */
    public double doubleValue() throws MalformedJson {
        return Double.parseDouble(text());
    }

    /** Where the reader is in its input: for messages. */
    public int offset() {
        return pos;
    }

    private Token value(int c) throws MalformedJson {
        switch (c) {
            case '{':
                push(true);
                return current = Token.START_OBJECT;
            case '[':
                push(false);
                return current = Token.START_ARRAY;
            case '"':
                scanString();
                return current = Token.STRING;
            case 't':
                literal("true");
                return current = Token.TRUE;
            case 'f':
                literal("false");
                return current = Token.FALSE;
            case 'n':
                literal("null");
                return current = Token.NULL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return current = scanNumber();
                }
                throw unexpected(c, "a value");
        }
    }

    private void push(boolean object) throws MalformedJson {
        if (depth == maxDepth) {
            throw new MalformedJson("nesting deeper than " + maxDepth, pos);
        }
        if (depth == containers.length) {
            containers = Arrays.copyOf(containers, depth * 2);
        }
        containers[depth++] = object;
        pos++;
    }

    private void literal(String word) throws MalformedJson {
        int n = word.length();
        for (int i = 0; i < n; i++) {
            if (pos + i >= end || buf[pos + i] != word.charAt(i)) {
                throw new MalformedJson("unrecognized token, expected '" + word + "'", pos);
            }
        }
        pos += n;
        if (pos < end) { // jackson-core: a literal must not run into an identifier's characters ({@code truex})
            int c = buf[pos] & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80) {
                throw new MalformedJson("unrecognized token '" + word + (char) c + "...'", pos);
            }
        }
    }

    /** Reads a number ({@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}) and says which kind. */
    private Token scanNumber() throws MalformedJson {
        int start = pos;
        boolean integer = true;
        if (buf[pos] == '-') {
            pos++;
        }
        int intStart = pos;
        int digits = digits();
        if (digits == 0) {
            throw new MalformedJson("expected a digit", pos);
        }
        if (digits > 1 && buf[intStart] == '0') {
            throw new MalformedJson("leading zeroes not allowed", intStart);
        }
        if (pos < end && buf[pos] == '.') {
            pos++;
            integer = false;
            int fraction = digits();
            if (fraction == 0) {
                throw new MalformedJson("expected a digit after the decimal point", pos);
            }
            digits += fraction;
        }
        if (pos < end && (buf[pos] == 'e' || buf[pos] == 'E')) {
            pos++;
            integer = false;
            if (pos < end && (buf[pos] == '+' || buf[pos] == '-')) {
                pos++;
            }
            int exponent = digits();
            if (exponent == 0) {
                throw new MalformedJson("expected a digit in the exponent", pos);
            }
            digits += exponent;
        }
        if (digits > maxNumberLength) { // jackson-core counts the digits only: of the integer, fraction and exponent
            throw new MalformedJson("number of more than " + maxNumberLength + " digits", start);
        }
        if (depth == 0 && pos < end && buf[pos] != ' ' && buf[pos] != '\t' && buf[pos] != '\n' && buf[pos] != '\r') {
            // jackson-core: a number at the root must be followed by white space (in a container, ',' or the end is)
            throw new MalformedJson("expected space after a root-level number", pos);
        }
        tokenStart = start;
        tokenEnd = pos;
        return integer ? Token.INTEGER : Token.FLOAT;
    }

    private int digits() {
        int from = pos;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') {
            pos++;
        }
        return pos - from;
    }

    /**
     * Checks the string that starts at the quote under {@code pos} and moves past it, remembering where its content
     * is. Checked as jackson-core checks it: no unescaped control characters, only JSON's escapes, UTF-8 sequences
     * whose continuation bytes are continuation bytes.
     */
    private void scanString() throws MalformedJson {
        final byte[] b = buf;
        final int e = end;
        final int start = pos + 1;
        int i = start;
        boolean plain = true;
        boolean ascii = true;
        encodedSurrogate = -1;
        while (true) {
            while (i < e && PLAIN[b[i] & 0xFF]) { // runs of plain ASCII, most of any event: one table look-up a byte
                i++;
            }
            if (i >= e) {
                throw new MalformedJson("unexpected end of input in a string", i);
            }
            int c = b[i] & 0xFF;
            if (c == '"') {
                break;
            } else if (c == '\\') {
                plain = false;
                byte next = i + 1 < e ? b[i + 1] : 0;
                i = next == '"' || next == '\\' ? i + 2 : escape(i + 1); // JSON held in JSON escapes quotes: inline
            } else if (c >= 0x80) {
                plain = false;
                ascii = false;
                if (c == 0xED && i + 1 < e && (b[i + 1] & 0xFF) >= 0xA0 && encodedSurrogate < 0) {
                    encodedSurrogate = i; // U+D800 to U+DFFF
                }
                i = utf8(i, c);
            } else {
                throw new MalformedJson("unescaped control character " + c + " in a string", i);
            }
        }
        tokenStart = start;
        tokenEnd = i;
        pos = i + 1;
        escaped = !plain;
        nonAscii = !ascii;
    }

    /** As {@link #scanString()}, for a field's name, hashing a plain one on the way for {@link FieldNames}. */
    private void scanName() throws MalformedJson {
        final byte[] b = buf;
        final int e = end;
        final int start = pos + 1;
        int i = start;
        int h = 0;
        for (int c; i < e && PLAIN[c = b[i] & 0xFF]; i++) {
            h = 31 * h + c;
        }
        if (i < e && b[i] == '"') {
            tokenStart = start;
            tokenEnd = i;
            pos = i + 1;
            escaped = false;
            nonAscii = false;
            nameHash = h;
            return;
        }
        scanString(); // escapes or non-ASCII: checked and decoded as any string's
    }

    /** Refuses the current string if longer than {@code max} characters (its bytes are at least as many). */
    private void checkLength(int max) throws MalformedJson {
        if (tokenEnd - tokenStart > max && (!escaped || decode(tokenStart, tokenEnd).length() > max)) {
            throw new MalformedJson("string longer than " + max + " characters", tokenStart);
        }
    }

    /** Checks the escape whose letter is at {@code i}; returns the index after it. */
    private int escape(int i) throws MalformedJson {
        if (i >= end) {
            throw new MalformedJson("unexpected end of input in an escape", i);
        }
        switch (buf[i]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return i + 1;
            case 'u':
                for (int k = 1; k <= 4; k++) {
                    if (i + k >= end || hex(buf[i + k]) < 0) {
                        throw new MalformedJson("expected 4 hex digits after \\u", i);
                    }
                }
                return i + 5;
            default:
                throw new MalformedJson("unrecognized escape '\\" + (char) (buf[i] & 0xFF) + "'", i);
        }
    }

    /** Checks the UTF-8 sequence whose first byte {@code c} is at {@code i}; returns the index after it. */
    private int utf8(int i, int c) throws MalformedJson {
        int more = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
        if (more < 0) {
            throw new MalformedJson("invalid UTF-8 start byte 0x" + Integer.toHexString(c), i);
        }
        for (int k = 1; k <= more; k++) {
            if (i + k >= end || (buf[i + k] & 0xC0) != 0x80) {
                throw new MalformedJson("invalid UTF-8 middle byte", i + k);
            }
        }
        return i + more + 1;
    }

    private static int hex(byte b) {
        return b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
    }

    /**
     * The content of a checked string with escapes, as bytes, when every character is ASCII; else {@code null}. The
     * usual escaped string is JSON held in JSON, whose escapes are quotes and backslashes: decoded here in one pass
     * into bytes that become a string by a copy, where the general decoding makes characters and then compacts them.
     */
    private byte[] unescapeAscii(int from, int to) {
        if (nonAscii) {
            return null;
        }
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; ) {
            byte c = buf[i];
            if (c != '\\') {
                out[n++] = c;
                i++;
                continue;
            }
            byte next = buf[i + 1];
            if (next == '"' || next == '\\') {
                out[n++] = next;
                i += 2;
                continue;
            }
            char u = unescape(i);
            if (u >= 0x80) {
                return null;
            }
            out[n++] = (byte) u;
            i += buf[i + 1] == 'u' ? 6 : 2;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The character of the checked escape whose backslash is at {@code i}. */
    private char unescape(int i) {
        byte e = buf[i + 1];
        return switch (e) {
            case 'u' -> (char) (hex(buf[i + 2]) << 12 | hex(buf[i + 3]) << 8 | hex(buf[i + 4]) << 4 | hex(buf[i + 5]));
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> (char) e; // '"', '\\', '/'
        };
    }

    /** The content of a checked string with escapes or non-ASCII characters. */
    private String decode(int from, int to) throws MalformedJson {
        if (encodedSurrogate >= 0) {
            throw new MalformedJson("invalid UTF-8: a surrogate encoded", encodedSurrogate);
        }
        char[] out = new char[to - from];
        int n = 0;
        int i = from;
        while (i < to) {
            int c = buf[i] & 0xFF;
            if (c == '\\') {
                out[n++] = unescape(i);
                i += buf[i + 1] == 'u' ? 6 : 2;
            } else if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else if ((c & 0xE0) == 0xC0) {
                out[n++] = (char) ((c & 0x1F) << 6 | (buf[i + 1] & 0x3F));
                i += 2;
            } else if ((c & 0xF0) == 0xE0) {
                out[n++] = (char) ((c & 0x0F) << 12 | (buf[i + 1] & 0x3F) << 6 | (buf[i + 2] & 0x3F));
                i += 3;
            } else {
                int cp = (c & 0x07) << 18 | (buf[i + 1] & 0x3F) << 12 | (buf[i + 2] & 0x3F) << 6 | (buf[i + 3] & 0x3F);
                out[n++] = Character.highSurrogate(cp); // 4 bytes hold at most 2 chars: out has room
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    /** The current field's name: shared from {@link FieldNames} when plain ASCII, else decoded. */
    private String name() throws MalformedJson {
        return escaped ? decode(tokenStart, tokenEnd) : FieldNames.of(buf, tokenStart, tokenEnd, nameHash);
    }

    private int skipSpace() {
        if (pos < end && buf[pos] > ' ') { // compact JSON: no white space between tokens
            return buf[pos] & 0xFF;
        }
        while (pos < end) {
            int c = buf[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return c & 0xFF;
            }
            pos++;
        }
        return -1;
    }

    private MalformedJson unexpected(int c, String expected) {
        return new MalformedJson(c < 0 ? "unexpected end of input, expected " + expected
                : "unexpected character '" + (char) c + "', expected " + expected, pos);
    }

    /**
     * Plain ASCII field names, shared across reads: the same dozens of names (Records, messageAttributes,
     * x-datadog-trace-id, ...) come in every event, and a String made per name per event was most of a read's
     * allocation. A fixed table indexed by the name's hash; a slot holds one immutable name and is replaced on a
     * collision, so the table stays small whatever the events, and racing threads at worst make a name twice.
     */
    static final class FieldNames {
        private static final int SLOTS = 1024;
        private static final Entry[] TABLE = new Entry[SLOTS];

        /** A name and its bytes. */
        private record Entry(byte[] bytes, String name) {
        }

        private FieldNames() {
        }

        /** The name of {@code buf[from, to)}, plain ASCII, whose hash ({@code 31 * h + byte}) is {@code h}. */
        static String of(byte[] buf, int from, int to, int h) {
            int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
            Entry e = TABLE[slot];
            if (e != null && same(e.bytes, buf, from, to)) {
                return e.name;
            }
            e = new Entry(Arrays.copyOfRange(buf, from, to), new String(buf, from, to - from, StandardCharsets.ISO_8859_1));
            TABLE[slot] = e;
            return e.name;
        }

        /** Compared byte by byte: names are short. */
        private static boolean same(byte[] name, byte[] buf, int from, int to) {
            if (name.length != to - from) {
                return false;
            }
            for (int i = 0; i < name.length; i++) {
                if (name[i] != buf[from + i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
