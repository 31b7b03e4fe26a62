package dev.tracex.engine.internal.jscompile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of a snippet (or of one template substitution inside it), read on demand. Only what the subset can use
 * is read faithfully; anything else a JavaScript lexer would accept either becomes a punctuator token the parser
 * then refuses, or is refused here ({@link OutsideSubset}), so that an unusual spelling never compiles to
 * something else than what GraalJS would run.
 */
final class JsLexer {
    enum Kind { IDENT, NUMBER, STRING, TEMPLATE, PUNCT, EOF }

    /**
     * One token. {@code newlineBefore} drives automatic semicolon insertion; a template's {@code parts} are its
     * cooked strings and {@code substitutions} the snippet ranges {@code {start, end}} of its {@code ${...}}.
     */
    record Token(Kind kind, String text, int offset, boolean newlineBefore, double number, String string,
                 List<String> parts, List<int[]> substitutions) {
        boolean is(String punctOrWord) {
            return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
        }
    }

    private static final String[] PUNCTUATORS = {
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=",
        "|=", "^=", "**", "<<", ">>",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "%", "&", "|", "^", "!", "~", "?", ":",
        "=", ".", "@", "#", "/",
    };

    private final String src;
    private final int end;
    private int pos;

    JsLexer(String src, int start, int end) {
        this.src = src;
        this.pos = start;
        this.end = end;
    }

    Token next() throws OutsideSubset {
        boolean newline = skipSpace();
        if (pos >= end) {
            return new Token(Kind.EOF, "end of the snippet", end, true, 0, null, null, null);
        }
        int start = pos;
        char c = src.charAt(pos);
        if (isIdentStart(c)) {
            while (pos < end && isIdentPart(src.charAt(pos))) {
                pos++;
            }
            if (pos < end && (src.charAt(pos) == '\\' || src.charAt(pos) > 0x7f)) {
                throw new OutsideSubset("a non-ASCII or escaped identifier", start);
            }
            return new Token(Kind.IDENT, src.substring(start, pos), start, newline, 0, null, null, null);
        }
        if (c > 0x7f || c == '\\') {
            throw new OutsideSubset("the character '" + c + "'", start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < end && isDigit(src.charAt(pos + 1)))) {
            return number(start, newline);
        }
        if (c == '"' || c == '\'') {
            return new Token(Kind.STRING, null, start, newline, 0, string(c), null, null);
        }
        if (c == '`') {
            return template(start, newline);
        }
        for (String p : PUNCTUATORS) {
            if (src.startsWith(p, pos) && pos + p.length() <= end) {
                // `a?.5:b` is a conditional, not optional chaining.
                if (p.equals("?.") && pos + 2 < end && isDigit(src.charAt(pos + 2))) {
                    continue;
                }
                pos += p.length();
                return new Token(Kind.PUNCT, p, start, newline, 0, null, null, null);
            }
        }
        throw new OutsideSubset("the character '" + c + "'", start);
    }

    /** Skips white space and comments; whether a line terminator was among them. */
    private boolean skipSpace() throws OutsideSubset {
        boolean newline = false;
        while (pos < end) {
            char c = src.charAt(pos);
            if (isLineTerminator(c)) {
                newline = true;
                pos++;
            } else if (isSpace(c)) {
                pos++;
            } else if (c == '/' && pos + 1 < end && src.charAt(pos + 1) == '/') {
                while (pos < end && !isLineTerminator(src.charAt(pos))) {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < end && src.charAt(pos + 1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0 || close + 2 > end) {
                    throw new OutsideSubset("an unterminated comment", pos);
                }
                for (int i = pos; i < close; i++) {
                    newline |= isLineTerminator(src.charAt(i));
                }
                pos = close + 2;
            } else {
                break;
            }
        }
        return newline;
    }

    private Token number(int start, boolean newline) throws OutsideSubset {
        double value;
        if (src.charAt(pos) == '0' && pos + 1 < end && (src.charAt(pos + 1) == 'x' || src.charAt(pos + 1) == 'X')) {
            pos += 2;
            int digits = pos;
            while (pos < end && Character.digit(src.charAt(pos), 16) >= 0) {
                pos++;
            }
            if (pos == digits) {
                throw new OutsideSubset("a malformed number", start);
            }
            value = new BigInteger(src.substring(digits, pos), 16).doubleValue();
        } else {
            if (src.charAt(pos) == '0' && pos + 1 < end && (isDigit(src.charAt(pos + 1)) || isIdentStart(src.charAt(pos + 1)))) {
                throw new OutsideSubset("an octal, binary or legacy number literal", start);
            }
            while (pos < end && isDigit(src.charAt(pos))) {
                pos++;
            }
            if (pos < end && src.charAt(pos) == '.') {
                pos++;
                while (pos < end && isDigit(src.charAt(pos))) {
                    pos++;
                }
            }
            if (pos < end && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
                int e = pos++;
                if (pos < end && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                    pos++;
                }
                int digits = pos;
                while (pos < end && isDigit(src.charAt(pos))) {
                    pos++;
                }
                if (pos == digits) {
                    throw new OutsideSubset("a malformed number", e);
                }
            }
            value = JsNumbers.decimal(src.substring(start, pos));
        }
        if (pos < end && (isIdentPart(src.charAt(pos)) || src.charAt(pos) == '\\' || src.charAt(pos) > 0x7f)) {
            throw new OutsideSubset("a number followed by '" + src.charAt(pos) + "'", pos); // 1n, 1_000, 3in
        }
        return new Token(Kind.NUMBER, src.substring(start, pos), start, newline, value, null, null, null);
    }

    private String string(char quote) throws OutsideSubset {
        int start = pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw new OutsideSubset("an unterminated string", start);
            }
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return b.toString();
            }
            if (c == '\n' || c == '\r') {
                throw new OutsideSubset("an unterminated string", start);
            }
            if (c == '\\') {
                escape(b, false);
            } else {
                b.append(c);
                pos++;
            }
        }
    }

    /** One escape sequence at {@code pos} (on the backslash), appended cooked. */
    private void escape(StringBuilder b, boolean template) throws OutsideSubset {
        int at = pos++;
        if (pos >= end) {
            throw new OutsideSubset("an unterminated string", at);
        }
        char c = src.charAt(pos++);
        switch (c) {
            case 'n': b.append('\n'); return;
            case 't': b.append('\t'); return;
            case 'r': b.append('\r'); return;
            case 'b': b.append('\b'); return;
            case 'f': b.append('\f'); return;
            case 'v': b.append('\u000b'); return;
            case '\r':
                if (pos < end && src.charAt(pos) == '\n') {
                    pos++;
                }
                return;
            case '\n': case '\u2028': case '\u2029':
                return; // a line continuation
            case 'x':
                b.append((char) hex(at, 2));
                return;
            case 'u':
                if (pos < end && src.charAt(pos) == '{') {
                    int close = src.indexOf('}', pos);
                    if (close < 0 || close >= end || close == pos + 1 || close - pos - 1 > 6) {
                        throw new OutsideSubset("a malformed escape", at);
                    }
                    int cp = parseHex(src.substring(pos + 1, close), at);
                    if (cp > 0x10FFFF) {
                        throw new OutsideSubset("a malformed escape", at);
                    }
                    b.appendCodePoint(cp);
                    pos = close + 1;
                } else {
                    b.append((char) hex(at, 4));
                }
                return;
            case '0':
                if (pos < end && isDigit(src.charAt(pos))) {
                    throw new OutsideSubset("an octal escape", at);
                }
                b.append('\0');
                return;
            default:
                if (isDigit(c)) {
                    throw new OutsideSubset("an octal escape", at);
                }
                b.append(c); // \' \" \\ \` \$ and identity escapes of other characters
        }
    }

    private int hex(int at, int n) throws OutsideSubset {
        if (pos + n > end) {
            throw new OutsideSubset("a malformed escape", at);
        }
        int v = parseHex(src.substring(pos, pos + n), at);
        pos += n;
        return v;
    }

    private static int parseHex(String s, int at) throws OutsideSubset {
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new OutsideSubset("a malformed escape", at);
            }
            v = v * 16 + d;
        }
        return v;
    }

    private Token template(int start, boolean newline) throws OutsideSubset {
        pos++;
        List<String> parts = new ArrayList<>();
        List<int[]> subs = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= end) {
                throw new OutsideSubset("an unterminated template literal", start);
            }
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                parts.add(b.toString());
                return new Token(Kind.TEMPLATE, src.substring(start, pos), start, newline, 0, null, parts, subs);
            }
            if (c == '\\') {
                escape(b, true);
            } else if (c == '$' && pos + 1 < end && src.charAt(pos + 1) == '{') {
                parts.add(b.toString());
                b.setLength(0);
                pos += 2;
                int from = pos;
                pos = closingBrace(from);
                subs.add(new int[] {from, pos});
                pos++; // past the }
            } else if (c == '\r') {
                // A template's cooked value has LF for CR LF and CR.
                b.append('\n');
                pos += pos + 1 < end && src.charAt(pos + 1) == '\n' ? 2 : 1;
            } else {
                b.append(c);
                pos++;
            }
        }
    }

    /** The offset of the brace closing a substitution that starts at {@code from}. */
    private int closingBrace(int from) throws OutsideSubset {
        JsLexer inner = new JsLexer(src, from, end);
        int depth = 0;
        while (true) {
            Token t = inner.next();
            if (t.kind == Kind.EOF) {
                throw new OutsideSubset("an unterminated template literal", from);
            }
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                if (depth == 0) {
                    return t.offset;
                }
                depth--;
            }
        }
    }

    static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    /** JavaScript's WhiteSpace (not line terminators). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u000b' || c == '\f' || c == '\u00a0' || c == '\ufeff'
                || (c > 0x7f && Character.getType(c) == Character.SPACE_SEPARATOR);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
