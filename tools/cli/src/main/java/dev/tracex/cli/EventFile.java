package dev.tracex.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON file named on the command line (an event, or {@code -} for standard input; a {@code --context}),
 * read and parsed with errors in the form of the rules-file errors: {@code event.json:24:3: <what is wrong>},
 * {@code event.json: no such file}, {@code event.json: empty}.
 */
final class EventFile {
    /** A file that could not be used; the message is complete, ready to print. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    // Strict where the engine is lenient: a second document or stray token after the event is a mistake in
    // a file the user wrote, worth a position, not something to ignore.
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\): (.*)", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile(
            "Unexpected close marker '(.)': expected '(.)' \\(for (Array|Object) starting at \\[.*?line: (\\d+), column: (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern START_MARKER = Pattern.compile(
            "Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at \\[.*?line: (\\d+), column: (\\d+)\\]\\)",
            Pattern.DOTALL);

    private EventFile() {
    }

    /** The bytes of {@code name}: a file, or standard input for {@code -}. */
    static byte[] read(String name, InputStream stdin) throws Unusable {
        if (name.equals("-")) {
            try {
                return stdin.readAllBytes();
            } catch (IOException e) {
                throw new Unusable("-: cannot read standard input: " + e.getMessage());
            }
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            throw new Unusable(name + ": is a directory, not a file");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new Unusable(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new Unusable(name + ": permission denied");
        } catch (IOException e) {
            throw new Unusable(name + ": cannot read: " + e.getMessage());
        }
    }

    /** {@code name} read and parsed as one JSON document. */
    static JsonNode parse(String name, InputStream stdin) throws Unusable {
        return parse(name, read(name, stdin));
    }

    /** {@code bytes}, the content of {@code name}, parsed as one JSON document. */
    static JsonNode parse(String name, byte[] bytes) throws Unusable {
        return parse(name, 1, bytes);
    }

    /**
     * {@code bytes}, part of {@code name} from line {@code firstLine} on (a line of newline-delimited JSON), parsed as
     * one JSON document; an error's line is the file's.
     */
    static JsonNode parse(String name, int firstLine, byte[] bytes) throws Unusable {
        if (isBlank(bytes)) {
            throw new Unusable(name + (firstLine > 1 ? ":" + firstLine : "") + ": empty");
        }
        try {
            return STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? name : name + ":" + (at.getLineNr() + firstLine - 1) + ":" + at.getColumnNr();
            throw new Unusable(where + ": " + plainWords(e, at == null ? -1 : at.getByteOffset(), bytes));
        } catch (IOException e) {
            throw new Unusable(name + ": cannot read: " + e.getMessage());
        }
    }

    /** Jackson's message for a syntax error, in the words of the rest of tracex's errors. */
    static String plainWords(JsonProcessingException e, long offset, byte[] bytes) {
        String m = e.getOriginalMessage();
        if (m.startsWith("Trailing token")) {
            return "more JSON after the end of the document (one event per file)";
        }
        Matcher end = START_MARKER.matcher(m);
        if (e instanceof JsonEOFException && end.matches()) {
            return "the file ends inside the " + (end.group(1).equals("Object") ? "object" : "array")
                    + " opened at " + end.group(2) + ":" + end.group(3) + " (a missing " + (end.group(1).equals("Object") ? "}" : "]") + "?)";
        }
        Matcher close = CLOSE_MARKER.matcher(m);
        if (close.matches()) {
            return "expected '" + close.group(2) + "' to close the " + (close.group(3).equals("Object") ? "object" : "array") + " opened at "
                    + close.group(4) + ":" + close.group(5) + ", found '" + close.group(1) + "'";
        }
        Matcher unexpected = UNEXPECTED.matcher(m);
        if (unexpected.matches()) {
            String found = unexpected.group(1);
            String expected = unexpected.group(2);
            String hint = (found.equals("}") || found.equals("]")) && commaBefore(bytes, offset, found.charAt(0)) ? " (a trailing comma before it?)" : "";
            if (expected.startsWith("was expecting double-quote to start field name")) {
                return "expected a field name in double quotes, found '" + found + "'" + hint;
            }
            if (expected.startsWith("expected a valid value") || expected.startsWith("expected a value")) {
                return "expected a value (string, number, object, array, true, false or null), found '" + found + "'" + hint;
            }
            if (expected.startsWith("was expecting a colon")) {
                return "expected ':' after the field name, found '" + found + "'";
            }
            if (expected.startsWith("was expecting comma")) {
                return "expected ',' or a closing bracket, found '" + found + "'";
            }
        }
        // Anything else as Jackson says it, without its pointer into a source we do not show.
        return m.replaceAll("\\s*\\(start marker at \\[Source: .*?\\]\\)", "").strip();
    }

    /**
     * True when the last non-blank byte before the offending {@code bracket} is a comma. Jackson's offset is at
     * or just after the bracket, depending on the input, so the scan starts there and steps over it.
     */
    private static boolean commaBefore(byte[] bytes, long offset, char bracket) {
        boolean bracketSeen = false;
        for (long i = Math.min(offset, bytes.length - 1); i >= 0; i--) {
            byte b = bytes[(int) i];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                continue;
            }
            if (!bracketSeen && b == bracket) {
                bracketSeen = true;
                continue;
            }
            return bracketSeen && b == ',';
        }
        return false;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
