package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.EventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The events a coverage run reads, from the operands of the command line: a file holding one event, or a JSON array
 * of them (as CloudWatch Logs Insights exports a query's results); a {@code .ndjson} or {@code .jsonl} file, one event
 * a line; a directory, every {@code .json}, {@code .ndjson} and {@code .jsonl} file below it in name order; {@code -},
 * newline-delimited JSON on standard input. An event that is a log record ({@code {"@timestamp": ..., "@message":
 * "..."}}) stands for the JSON in its message, from its first {@code {} on (a log line's prefix skipped). Read one at
 * a time: a run over a large capture holds one event at once.
 */
public final class EventSources {
    private static final byte[] MESSAGE_KEY = "\"@message\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Where the events go, one at a time. */
    public interface Sink {
        void event(CapturedEvent event);

        /** An event in {@code file} that could not be read at all; the message names it, and where in the file. */
        void unreadable(String file, String message);
    }

    private final List<String> operands;
    private final InputStream stdin;
    private final EventParser parser;

    private EventSources(List<String> operands, InputStream stdin, EventParser parser) {
        this.operands = operands;
        this.stdin = stdin;
        this.parser = parser;
    }

    /**
     * @throws IllegalArgumentException when an operand is no file or directory, or a directory holds no event file;
     *                                  the message names it
     */
    public static EventSources of(List<String> operands, InputStream stdin, EventParser parser) {
        for (String o : operands) {
            if (o.equals("-")) {
                continue;
            }
            Path p = Path.of(o);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException(o + ": no such file or directory");
            }
            if (Files.isDirectory(p) && files(p).isEmpty()) {
                throw new IllegalArgumentException(o + ": no .json, .ndjson or .jsonl file in it");
            }
        }
        return new EventSources(List.copyOf(operands), stdin, parser);
    }

    /** Reads every event, in operand order, into {@code sink}. */
    public void forEach(Sink sink) {
        for (String o : operands) {
            if (o.equals("-")) {
                try {
                    lines("-", stdin, sink);
                } catch (IOException e) {
                    sink.unreadable("-", "-: cannot read standard input: " + e.getMessage());
                }
            } else if (Files.isDirectory(Path.of(o))) {
                for (Path f : files(Path.of(o))) {
                    file(f.toString(), sink);
                }
            } else {
                file(o, sink);
            }
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(EventSources::isEventFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEventFile(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && (n.endsWith(".json") || CapturedEvent.isLines(n));
    }

    private void file(String name, Sink sink) {
        try {
            if (CapturedEvent.isLines(name)) {
                try (InputStream in = Files.newInputStream(Path.of(name))) {
                    lines(name, in, sink);
                }
                return;
            }
            byte[] bytes = Files.readAllBytes(Path.of(name));
            if (startsWith(bytes, '[')) {
                array(name, bytes, sink);
            } else {
                event(CapturedEvent.of(name, 1, bytes), sink);
            }
        } catch (IOException e) {
            sink.unreadable(name, name + ": cannot read: " + e.getMessage());
        }
    }

    /** A JSON array of events; one that does not parse is passed on whole, so the run says where it breaks. */
    private void array(String name, byte[] bytes, Sink sink) {
        JsonNode items;
        try {
            items = parser.parse(name, 1, bytes);
        } catch (UnreadableEvent e) {
            sink.event(CapturedEvent.of(name, 1, bytes));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            event(new CapturedEvent(name, 1, i, null, item), sink, item);
        }
    }

    private void lines(String name, InputStream in, Sink sink) throws IOException {
        LineReader lines = new LineReader(in);
        for (byte[] line; (line = lines.next()) != null; ) {
            if (!isBlank(line)) {
                event(CapturedEvent.of(name, lines.number(), line), sink);
            }
        }
    }

    private void event(CapturedEvent e, Sink sink) {
        // Only a record that names @message is parsed here; every other event goes to the rule as bytes, which it
        // reads faster than a tree (only what the rule reads of it).
        event(e, sink, contains(e.bytes(), MESSAGE_KEY) ? EventJson.readOrNull(e.bytes()) : null);
    }

    private void event(CapturedEvent e, Sink sink, JsonNode parsed) {
        JsonNode message = parsed == null ? null : parsed.get("@message");
        if (message == null || !message.isTextual()) {
            sink.event(e);
            return;
        }
        String text = message.textValue();
        int brace = text.indexOf('{');
        String name = e.name() + " @message";
        if (brace < 0) {
            sink.unreadable(e.file(), name + ": no JSON object in the log record's message");
            return;
        }
        try {
            JsonNode inner = parser.parse(name, 1, text.substring(brace).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sink.event(new CapturedEvent(e.file(), e.line(), e.index(), null, inner));
        } catch (UnreadableEvent u) {
            sink.unreadable(e.file(), u.getMessage());
        }
    }

    private static boolean startsWith(byte[] bytes, char c) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == c;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        if (bytes == null) {
            return false;
        }
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The lines of a stream as bytes, without their line ends, counted from 1. */
    private static final class LineReader {
        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int end;
        private int number;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        int number() {
            return number;
        }

        byte[] next() throws IOException {
            java.io.ByteArrayOutputStream line = null;
            while (true) {
                if (pos == end) {
                    if (eof || (end = in.read(buf)) <= 0) {
                        eof = true;
                        end = pos = 0;
                        if (line == null) {
                            return null;
                        }
                        number++;
                        return line.toByteArray();
                    }
                    pos = 0;
                }
                int start = pos;
                while (pos < end && buf[pos] != '\n') {
                    pos++;
                }
                if (pos < end) { // a whole line ends here
                    byte[] tail = java.util.Arrays.copyOfRange(buf, start, pos++);
                    number++;
                    if (line == null) {
                        return tail;
                    }
                    line.write(tail);
                    return line.toByteArray();
                }
                if (line == null) {
                    line = new java.io.ByteArrayOutputStream();
                }
                line.write(buf, start, pos - start);
            }
        }
    }
}
