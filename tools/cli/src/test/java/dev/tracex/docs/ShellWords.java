package dev.tracex.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into words as a POSIX shell splits a simple command: blanks separate words, single
 * quotes keep everything literally, double quotes keep blanks, a backslash escapes the next character,
 * {@code #} at the start of a word begins a comment.
 * Anything beyond a simple command (pipes, redirections, variables, globbing) is refused, so a page never
 * shows a command the check ran differently from the way a shell would.
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case ' ', '\t' -> {
                    if (inWord) {
                        words.add(w.toString());
                        w.setLength(0);
                        inWord = false;
                    }
                }
                case '\'' -> {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed '");
                    }
                    w.append(line, i + 1, end);
                    i = end;
                    inWord = true;
                }
                case '"' -> {
                    int end = line.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed \"");
                    }
                    String quoted = line.substring(i + 1, end);
                    if (quoted.contains("$") || quoted.contains("`") || quoted.contains("\\")) {
                        throw new IllegalArgumentException("$, ` or \\ inside double quotes");
                    }
                    w.append(quoted);
                    i = end;
                    inWord = true;
                }
                case '\\' -> {
                    if (i + 1 == line.length()) {
                        throw new IllegalArgumentException("a \\ at the end");
                    }
                    w.append(line.charAt(++i));
                    inWord = true;
                }
                case '#' -> {
                    if (inWord) {
                        w.append(c);
                    } else {
                        // A comment: the rest of the line is not part of the command.
                        i = line.length();
                    }
                }
                case '|', '>', '<', '&', ';', '$', '`', '*', '?', '(', ')' ->
                        throw new IllegalArgumentException("shell syntax (" + c + ") beyond a simple command");
                default -> {
                    w.append(c);
                    inWord = true;
                }
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
