package dev.tracex.engine.internal.plan;

import dev.tracex.engine.internal.json.JsonReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The first line of a precompiled form (see {@code PrecompiledForm}): its format, the tracex that wrote it, the
 * length and CRC-32 of the text it was made from, and per rule where its nodes and its plan are in the body and the
 * local rules its {@code first:} names. The header's YAML nodes (the file's and {@code extractors:}'s) are skipped:
 * only a form read as nodes needs them. Internal: may change without notice.
 */
public final class FormHeader {
    /** What a layout error calls this file. */
    private static final String FORM = "precompiled rules file";
    /** The version of the form's layout; a reader refuses any other by name. */
    public static final int FORMAT = 2;

    private int format = -1;
    private String tracex;
    private long length = -1;
    private long crc32 = -1;
    private int bodyStart;
    private final Map<String, Span> rules = new LinkedHashMap<>();

    private FormHeader() {
    }

    /**
     * Where a rule's nodes are in the body, the local rules its {@code first:} names, and where its plan is
     * ({@code planOffset} -1 for a rule without one).
     */
    public record Span(String name, int offset, int length, List<String> references, int planOffset, int planLength) {
        public boolean planned() {
            return planOffset >= 0;
        }
    }

    /** The header of {@code form}; for a form of another format, only what precedes its rules. */
    public static FormHeader read(byte[] form) throws IOException {
        FormHeader h = new FormHeader();
        int newline = 0;
        while (newline < form.length && form[newline] != '\n') {
            newline++;
        }
        if (newline == form.length) {
            throw new IOException("not a precompiled rules file: no header line");
        }
        h.bodyStart = newline + 1;
        JsonReader p = JsonReader.of(form, 0, newline);
        expect(p.nextToken() == JsonReader.Token.START_OBJECT, p);
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "format" -> h.format = p.intValue();
                case "tracex" -> h.tracex = p.text();
                case "length" -> h.length = p.longValue();
                case "crc32" -> h.crc32 = p.longValue();
                case "rules" -> {
                    if (h.format != FORMAT) {
                        return h; // another layout: the caller refuses it by its format
                    }
                    expect(p.currentToken() == JsonReader.Token.START_ARRAY, p);
                    for (JsonReader.Token r = p.nextToken(); r == JsonReader.Token.START_ARRAY; r = p.nextToken()) {
                        Span span = span(p);
                        // Within the body: a truncated form is refused here, whichever of its parts a load reads.
                        if ((long) span.offset + span.length > form.length - h.bodyStart
                                || (long) span.planOffset + span.planLength > form.length - h.bodyStart) {
                            throw new IOException("not a precompiled rules file: rule \"" + span.name
                                    + "\" is not within it");
                        }
                        h.rules.put(span.name, span);
                    }
                    expect(p.currentToken() == JsonReader.Token.END_ARRAY, p);
                }
                default -> p.skipChildren(); // the YAML nodes, read by the caller only if it compiles them
            }
        }
        return h;
    }

    private static Span span(JsonReader p) throws IOException {
        String name = text(p);
        int offset = number(p);
        int length = number(p);
        expect(p.nextToken() == JsonReader.Token.START_ARRAY, p);
        List<String> refs = new ArrayList<>();
        for (JsonReader.Token r = p.nextToken(); r == JsonReader.Token.STRING; r = p.nextToken()) {
            refs.add(p.text());
        }
        expect(p.currentToken() == JsonReader.Token.END_ARRAY, p);
        int planOffset = number(p);
        int planLength = number(p);
        expect(p.nextToken() == JsonReader.Token.END_ARRAY, p);
        if (offset < 0 || length < 0 || planOffset < -1 || planLength < 0) {
            throw new IOException("not a precompiled rules file: a rule without its place");
        }
        return new Span(name, offset, length, refs, planOffset, planLength);
    }

    public int format() {
        return format;
    }

    /** The version of tracex that wrote the form, or {@code null}. */
    public String tracex() {
        return tracex;
    }

    /** The length of the text the form was made from, in UTF-8 bytes. */
    public long length() {
        return length;
    }

    public long crc32() {
        return crc32;
    }

    /** Where the body starts in the form: after the header's line. */
    public int bodyStart() {
        return bodyStart;
    }

    /** The rules by name, in file order. */
    public Map<String, Span> rules() {
        return rules;
    }

    /** The CRC-32 a form names its text by. */
    public static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    static String text(JsonReader p) throws IOException {
        return p.nextText(FORM);
    }

    static int number(JsonReader p) throws IOException {
        return p.nextInt(FORM);
    }

    static void expect(boolean ok, JsonReader p) throws IOException {
        p.require(ok, FORM);
    }
}
