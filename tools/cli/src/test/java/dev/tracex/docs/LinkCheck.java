package dev.tracex.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every relative link of a page leads somewhere: the file or directory exists in the repository, and an
 * {@code #anchor} into a Markdown file (the page itself when the link is only {@code #anchor}) is one of its
 * headings' anchors as GitHub makes them. Links with a scheme ({@code https:}, {@code mailto:}) are left to
 * the reader's browser: checking them would make the build depend on the network.
 */
final class LinkCheck {
    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    LinkCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    List<Problem> check(MarkdownPage page) {
        List<Problem> problems = new ArrayList<>();
        Path dir = root.resolve(page.name()).getParent();
        for (MarkdownPage.Link link : page.links()) {
            String target = link.target();
            if (target.isEmpty() || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue;
            }
            int hash = target.indexOf('#');
            String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
            String anchor = hash < 0 ? null : target.substring(hash + 1);
            if (path.isEmpty()) {
                if (!anchorsOf(page).contains(anchor)) {
                    problems.add(page.problem(link.line(), "link " + target + ": no heading with anchor #" + anchor
                            + " in " + page.name()));
                }
                continue;
            }
            Path file = dir.resolve(path).normalize();
            if (!file.startsWith(root)) {
                problems.add(page.problem(link.line(), "link " + target + " leads outside the repository"));
            } else if (!Files.exists(file)) {
                problems.add(page.problem(link.line(), "link " + target + ": no such file " + root.relativize(file)));
            } else if (anchor != null && file.toString().endsWith(".md")) {
                if (!anchors.computeIfAbsent(file, this::anchorsOf).contains(anchor)) {
                    problems.add(page.problem(link.line(), "link " + target + ": no heading with anchor #" + anchor
                            + " in " + root.relativize(file)));
                }
            }
        }
        return problems;
    }

    private Set<String> anchorsOf(Path file) {
        try {
            return anchorsOf(MarkdownPage.read(root, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> anchorsOf(MarkdownPage page) {
        return page.headings().stream().map(MarkdownPage.Heading::anchor).collect(Collectors.toSet());
    }
}
