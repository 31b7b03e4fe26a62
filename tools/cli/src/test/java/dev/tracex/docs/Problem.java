package dev.tracex.docs;

/**
 * One thing a documentation page gets wrong, where a reader (or an editor's "go to line") finds it.
 *
 * @param file    the page, relative to the repository root, e.g. {@code docs/rules.md}
 * @param line    the page's line, from 1
 * @param message what is wrong, in one line
 */
record Problem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
