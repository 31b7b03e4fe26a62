package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event read for a coverage run: where it came from, and its JSON as bytes (a file, a line) or as a tree
 * (an item of an array, a log record's message, already parsed to find it).
 *
 * @param file  the file it is in, or {@code -} for standard input
 * @param line  its first line in that file (1 for a whole file)
 * @param index its position in a JSON array, or -1
 * @param bytes its JSON, or {@code null} when {@code tree} holds it
 * @param tree  its parsed JSON, or {@code null}
 */
public record CapturedEvent(String file, int line, int index, byte[] bytes, JsonNode tree) {
    /** An event that is a whole file, or a line of one. */
    public static CapturedEvent of(String file, int line, byte[] bytes) {
        return new CapturedEvent(file, line, -1, bytes, null);
    }

    /** What to call it in a report: {@code events/a.json}, {@code capture.ndjson:12}, {@code export.json[3]}. */
    public String name() {
        if (index >= 0) {
            return file + "[" + index + "]";
        }
        return line > 1 || file.equals("-") || isLines(file) ? file + ":" + line : file;
    }

    /** A file of newline-delimited JSON, one event a line: {@code .ndjson}, {@code .jsonl}. */
    static boolean isLines(String file) {
        return file.endsWith(".ndjson") || file.endsWith(".jsonl");
    }
}
