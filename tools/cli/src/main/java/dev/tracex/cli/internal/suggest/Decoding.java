package dev.tracex.cli.internal.suggest;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * The decodings the search tries on a value, each as the pipeline step of the same name reads it ({@code base64},
 * {@code gzip}, {@code bytes}, {@code text}), answering {@code null} where the step would find nothing.
 */
final class Decoding {
    /** The {@code gzip} step's limit. */
    private static final int MAX_INFLATED = 6 * 1024 * 1024;

    private Decoding() {
    }

    /** Standard or URL-safe base64, padding optional; {@code null} when it is not. */
    static byte[] base64(String text) {
        String unpadded = text.replace("=", "");
        boolean urlSafe = unpadded.indexOf('-') >= 0 || unpadded.indexOf('_') >= 0;
        if (urlSafe && (unpadded.indexOf('+') >= 0 || unpadded.indexOf('/') >= 0) || unpadded.length() % 4 == 1) {
            return null;
        }
        try {
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(unpadded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isGzip(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** The inflated bytes, or {@code null} when they are not gzip or inflate past the step's limit. */
    static byte[] gunzip(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                if (out.size() + n > MAX_INFLATED) {
                    return null;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Bytes spelled as JSON: an array of byte values (numbers or digit strings), or an object keyed by index; at least
     * {@code min} of them.
     */
    static byte[] bytes(JsonNode node, int min) {
        if (node.size() < min || !(node.isArray() || node.isObject() && (node.isEmpty() || keyedByIndex(node)))) {
            return null;
        }
        byte[] out = new byte[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode b = node.isArray() ? node.get(i) : node.get(Integer.toString(i));
            int v;
            if (b != null && b.isIntegralNumber() && b.canConvertToInt()) {
                v = b.intValue();
            } else if (b != null && b.isTextual() && b.textValue().matches("[0-9]{1,3}")) {
                v = Integer.parseInt(b.textValue());
            } else {
                return null;
            }
            if (v < 0 || v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    /** An object whose keys are {@code "0"}, {@code "1"}, ... in order, as Lambda spells some lists. */
    static boolean keyedByIndex(JsonNode node) {
        int i = 0;
        for (var names = node.fieldNames(); names.hasNext(); i++) {
            if (!names.next().equals(Integer.toString(i))) {
                return false;
            }
        }
        return i > 0;
    }

    /** True when the first byte that is not white space opens a JSON object or array. */
    static boolean looksLikeJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** Strict UTF-8 without control characters (but white space), or {@code null}: not text a header could be. */
    static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t') ? null : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
