package dev.tracex.cli.internal.location;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The value of a JSON text under a character offset (a click or the caret in the playground's event editor): a
 * scalar the offset is in, the value of a field whose name it is on, else the innermost object or array around it.
 * Offsets count UTF-16 units, as a browser's text areas and Java's strings do. Text after a syntax error has no
 * path: what lies before the error is still found.
 *
 * <pre>{@code
 * PathAtOffset.of("{\"a\": {\"b\": [1, 2]}}", 16)   // Optional[$.a.b[1]]
 * }</pre>
 */
public final class PathAtOffset {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(1000).build()).build();

    private PathAtOffset() {
    }

    /** One open object or array: where it starts, its path, and (arrays) the index of its next item. */
    private static final class Open {
        final EventPath path;
        final long start;
        int next;
        String field;

        Open(EventPath path, long start) {
            this.path = path;
            this.start = start;
        }

        /** The path of the value that comes next in this container. */
        EventPath child() {
            return field != null ? path.key(field) : path.index(next);
        }
    }

    /** The path of the value at {@code offset} of {@code json}; empty when the offset is outside any value. */
    public static Optional<EventPath> of(String json, int offset) {
        EventPath around = null;
        Deque<Open> open = new ArrayDeque<>();
        try (JsonParser p = JSON.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                long start = p.currentTokenLocation().getCharOffset();
                Open parent = open.peek();
                EventPath here = parent == null ? EventPath.root() : parent.child();
                switch (t) {
                    case START_OBJECT, START_ARRAY -> open.push(new Open(here, start));
                    case END_OBJECT, END_ARRAY -> {
                        Open closed = open.pop();
                        long end = p.currentLocation().getCharOffset();
                        if (around == null && closed.start <= offset && offset < end) {
                            around = closed.path; // the first container to close around the offset is the innermost
                        }
                        advance(open.peek());
                    }
                    case FIELD_NAME -> {
                        parent.field = p.currentName();
                        if (within(p, start, offset)) {
                            return Optional.of(parent.child());
                        }
                    }
                    default -> {
                        if (within(p, start, offset)) {
                            return Optional.of(here);
                        }
                        advance(parent);
                    }
                }
            }
        } catch (IOException e) {
            // Malformed from here on: what was found before the error stands.
        }
        return Optional.ofNullable(around);
    }

    private static boolean within(JsonParser p, long start, int offset) throws IOException {
        p.finishToken(); // a string's end is known only once its text is read
        // Up to and including the end: a caret placed just after a value points at it.
        return start <= offset && offset <= p.currentLocation().getCharOffset();
    }

    private static void advance(Open container) {
        if (container != null) {
            container.next++;
            container.field = null;
        }
    }
}
