package dev.tracex.cli.internal.coverage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Parses an event strictly, with a message naming its file, line and column when it is not JSON: the command line's
 * own reading of event files, so {@code coverage} says what is wrong with an event in the words {@code extract} uses.
 */
@FunctionalInterface
public interface EventParser {
    /**
     * @param file      the file's name, for the message
     * @param firstLine the line of the file {@code json} starts on (1 for a whole file)
     */
    JsonNode parse(String file, int firstLine, byte[] json) throws UnreadableEvent;
}
