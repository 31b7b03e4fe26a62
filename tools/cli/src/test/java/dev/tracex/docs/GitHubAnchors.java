package dev.tracex.docs;

import java.util.Locale;
import java.util.regex.Pattern;

/** The anchors GitHub gives headings (github-slugger, which github.com's Markdown rendering follows). */
final class GitHubAnchors {
    // What github-slugger removes: anything but letters, marks, digits, connector punctuation (_), spaces and -.
    private static final Pattern REMOVED = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd}\\p{Pc} -]");
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]+>");

    private GitHubAnchors() {
    }

    /**
     * The anchor of a heading's Markdown source: its rendered text (links by their text, code spans and
     * emphasis by their content, HTML tags dropped) lowercased, punctuation removed, spaces turned into
     * hyphens. {@code "Java runtimes: java17, java21"} gives {@code java-runtimes-java17-java21}.
     */
    static String slug(String headingSource) {
        String text = LINK.matcher(headingSource).replaceAll("$1");
        text = HTML_TAG.matcher(text).replaceAll("");
        text = text.replace("`", "").replace("*", "");
        text = text.strip().toLowerCase(Locale.ROOT);
        return REMOVED.matcher(text).replaceAll("").replace(' ', '-');
    }
}
