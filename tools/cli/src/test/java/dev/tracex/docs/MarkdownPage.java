package dev.tracex.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page read as the doc checks need it: its fenced blocks (each with the directive comment just
 * above it), its headings' anchors and its links, each with its line. Not a full CommonMark parser: it reads
 * the constructs these pages use (fences of backticks or tildes, ATX headings, inline and reference links,
 * {@code href}/{@code src} attributes), and says so where it simplifies.
 */
final class MarkdownPage {
    /**
     * A fenced code block.
     *
     * @param info      the fence's info string, e.g. {@code yaml} or {@code console}, "" when none
     * @param firstLine the page line of the block's first content line
     * @param lines     the content, the fence's own indentation removed
     * @param directive the {@code <!-- ... -->} comment on the last non-blank line above the fence, its text
     *                  without the comment markers, or {@code null}
     * @param directiveLine the page line of that comment, 0 when none
     */
    record Fence(String info, int firstLine, List<String> lines, String directive, int directiveLine) {
        String text() {
            return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
        }

        /** The first word of the info string: {@code java} for {@code java title="x"}. */
        String language() {
            int space = info.indexOf(' ');
            return (space < 0 ? info : info.substring(0, space)).toLowerCase(Locale.ROOT);
        }
    }

    /** A link's destination as written, e.g. {@code docs/rules.md#pipelines}, and the line it is on. */
    record Link(String target, int line) {
    }

    /** A heading and the anchor GitHub gives it. */
    record Heading(String text, String anchor, int line) {
    }

    private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})\\s*(.*)$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");
    // Inline links and images: [text](dest "title"). The text may hold brackets of its own one level deep
    // ([`x[0]`](y) once its code is blanked holds none) and may wrap onto the next line.
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HTML_ATTRIBUTE = Pattern.compile("\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"");

    private final String name;
    private final List<String> lines;
    private final List<Fence> fences = new ArrayList<>();
    private final List<Heading> headings = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    // The page with every fenced block's lines and every code span blanked, offsets kept: what prose-level
    // scans (links, tables) look at, so a link shown as code is not taken for one.
    private final String prose;

    private MarkdownPage(String name, String text) {
        this.name = name;
        this.lines = text.lines().toList();
        this.prose = parse();
        findLinks();
    }

    /** Reads {@code file}; its name in problems is its path relative to {@code root}. */
    static MarkdownPage read(Path root, Path file) throws IOException {
        return parse(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
    }

    /** A page from text, named {@code name} (relative to the repository root) in problems. */
    static MarkdownPage parse(String name, String text) {
        return new MarkdownPage(name, text);
    }

    String name() {
        return name;
    }

    List<String> lines() {
        return lines;
    }

    List<Fence> fences() {
        return fences;
    }

    List<Heading> headings() {
        return headings;
    }

    List<Link> links() {
        return links;
    }

    /** The page's lines with fenced blocks and code spans blanked (same count, same line numbers). */
    List<String> proseLines() {
        return prose.lines().toList();
    }

    Problem problem(int line, String message) {
        return new Problem(name, line, message);
    }

    private String parse() {
        StringBuilder blanked = new StringBuilder();
        Map<String, Integer> seen = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher open = FENCE.matcher(line);
            if (open.matches()) {
                String indent = open.group(1);
                String marker = open.group(2);
                String info = open.group(3).trim();
                List<String> content = new ArrayList<>();
                int j = i + 1;
                while (j < lines.size() && !isClosing(lines.get(j), marker)) {
                    content.add(stripIndent(lines.get(j), indent.length()));
                    j++;
                }
                int directiveLine = directiveAbove(i);
                String directive = directiveLine == 0 ? null : directiveText(lines.get(directiveLine - 1));
                fences.add(new Fence(info, i + 2, List.copyOf(content), directive, directiveLine));
                for (int k = i; k <= Math.min(j, lines.size() - 1); k++) {
                    blanked.append('\n');
                }
                i = j + 1;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String text = heading.group(2);
                headings.add(new Heading(text, uniqueAnchor(GitHubAnchors.slug(text), seen), i + 1));
            }
            blanked.append(blankCodeSpans(line)).append('\n');
            i++;
        }
        return blanked.toString();
    }

    private static boolean isClosing(String line, String opening) {
        String t = line.strip();
        return t.length() >= opening.length() && t.chars().allMatch(c -> c == opening.charAt(0));
    }

    private static String stripIndent(String line, int indent) {
        int n = 0;
        while (n < indent && n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return line.substring(n);
    }

    /** The 1-based line of the directive comment on the last non-blank line above line {@code fence} (0-based), or 0. */
    private int directiveAbove(int fence) {
        int k = fence - 1;
        while (k >= 0 && lines.get(k).isBlank()) {
            k--;
        }
        return k >= 0 && DIRECTIVE.matcher(lines.get(k)).matches() ? k + 1 : 0;
    }

    private static String directiveText(String line) {
        Matcher m = DIRECTIVE.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /** GitHub suffixes a repeated anchor with -1, -2 ... in page order. */
    private static String uniqueAnchor(String slug, Map<String, Integer> seen) {
        Integer n = seen.get(slug);
        seen.put(slug, n == null ? 1 : n + 1);
        return n == null ? slug : slug + "-" + n;
    }

    /** The line with each `code span` replaced by as many spaces (a span does not cross lines here). */
    private static String blankCodeSpans(String line) {
        StringBuilder b = new StringBuilder(line);
        int i = 0;
        while (i < b.length()) {
            if (b.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = 0;
            while (i + run < b.length() && b.charAt(i + run) == '`') {
                run++;
            }
            String ticks = "`".repeat(run);
            int close = b.indexOf(ticks, i + run);
            if (close < 0) {
                break;
            }
            for (int k = i; k < close + run; k++) {
                b.setCharAt(k, ' ');
            }
            i = close + run;
        }
        return b.toString();
    }

    private void findLinks() {
        for (Pattern p : List.of(INLINE_LINK, REFERENCE_DEFINITION, HTML_ATTRIBUTE)) {
            Matcher m = p.matcher(prose);
            while (m.find()) {
                links.add(new Link(m.group(1), lineOf(m.start(1))));
            }
        }
        links.sort(java.util.Comparator.comparingInt(Link::line));
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (prose.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
