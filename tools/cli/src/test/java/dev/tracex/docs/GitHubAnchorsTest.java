package dev.tracex.docs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class GitHubAnchorsTest {
    // github-slugger's rules; the first three are anchors the README's own links used before it was split.
    static Stream<Arguments> headings() {
        return Stream.of(
                argumentSet("punctuation dropped", "Java runtimes: java17, java21, java25", "java-runtimes-java17-java21-java25"),
                argumentSet("code spans by their text", "2. In code: a base class or `wrap`", "2-in-code-a-base-class-or-wrap"),
                argumentSet("question mark", "Which tracer?", "which-tracer"),
                argumentSet("underscore kept", "The `DD_TRACE_EXTRACTOR` variable", "the-dd_trace_extractor-variable"),
                argumentSet("link by its text", "See [the layer](layer.md)", "see-the-layer"),
                argumentSet("non-ASCII letters kept", "Über → JSON", "über--json"));
    }

    @ParameterizedTest
    @MethodSource("headings")
    void slug_heading_isGitHubsAnchor(String heading, String anchor) {
        assertThat(GitHubAnchors.slug(heading)).isEqualTo(anchor);
    }
}
