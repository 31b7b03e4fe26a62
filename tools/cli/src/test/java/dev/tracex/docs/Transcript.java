package dev.tracex.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what a page shows a program printing with what it printed. Lines compare exactly, but for
 * trailing spaces (which editors strip) and trailing blank lines; a line that is only {@code ...} stands
 * for any number of lines, so a page can show the part of a long output that matters.
 */
final class Transcript {
    static final String ANY_LINES = "...";

    private Transcript() {
    }

    /** {@code null} when {@code actual} is what {@code shown} shows, else where they first part, in one line. */
    static String difference(List<String> shown, List<String> actual) {
        List<String> s = normalized(shown);
        List<String> a = normalized(actual);
        if (matches(s, 0, a, 0)) {
            return null;
        }
        // Report the first shown line no alignment gets past: the longest matching prefix of the output.
        int[] furthest = {0, 0};
        furthest(s, 0, a, 0, furthest);
        int si = furthest[0];
        int ai = furthest[1];
        String expected = si < s.size() ? "\"" + s.get(si) + "\"" : "the end of the output";
        String got = ai < a.size() ? "\"" + a.get(ai) + "\"" : "the end of the output";
        return "shown line " + (si + 1) + " is " + expected + ", output line " + (ai + 1) + " is " + got;
    }

    private static List<String> normalized(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(l.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean matches(List<String> s, int si, List<String> a, int ai) {
        if (si == s.size()) {
            return ai == a.size();
        }
        if (s.get(si).strip().equals(ANY_LINES)) {
            for (int k = ai; k <= a.size(); k++) {
                if (matches(s, si + 1, a, k)) {
                    return true;
                }
            }
            return false;
        }
        return ai < a.size() && s.get(si).equals(a.get(ai)) && matches(s, si + 1, a, ai + 1);
    }

    /** The furthest (shown, output) position any alignment reaches, for the report. */
    private static void furthest(List<String> s, int si, List<String> a, int ai, int[] best) {
        if (si > best[0] || (si == best[0] && ai > best[1])) {
            best[0] = si;
            best[1] = ai;
        }
        if (si == s.size()) {
            return;
        }
        if (s.get(si).strip().equals(ANY_LINES)) {
            for (int k = ai; k <= a.size(); k++) {
                furthest(s, si + 1, a, k, best);
            }
        } else if (ai < a.size() && s.get(si).equals(a.get(ai))) {
            furthest(s, si + 1, a, ai + 1, best);
        }
    }
}
