package dev.tracex.docs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownPageTest {
    private static final MarkdownPage PAGE = MarkdownPage.parse("docs/x.md", """
            # Title

            - a list item with a block:

              <!-- snippet: a/src/test/java/A.java#r -->
              ```java title="A"
              int a = 1;
                int b = 2;
              ```

            ## Title

            ~~~
            ```
            # not a heading
            ~~~

            [link](y.md) and `[code](z.md)`
            """);

    @Test
    void parse_fences_withTheirDirectiveIndentationAndFirstLine() {
        assertThat(PAGE.fences()).hasSize(2);
        MarkdownPage.Fence java = PAGE.fences().get(0);
        assertThat(java.language()).isEqualTo("java");
        assertThat(java.directive()).isEqualTo("snippet: a/src/test/java/A.java#r");
        assertThat(java.directiveLine()).isEqualTo(5);
        assertThat(java.firstLine()).isEqualTo(7);
        assertThat(java.lines()).containsExactly("int a = 1;", "  int b = 2;");
        assertThat(PAGE.fences().get(1).lines()).containsExactly("```", "# not a heading");
    }

    @Test
    void parse_headings_outsideFencesWithUniqueAnchors() {
        assertThat(PAGE.headings()).extracting(MarkdownPage.Heading::anchor).containsExactly("title", "title-1");
    }

    @Test
    void parse_links_outsideCode() {
        assertThat(PAGE.links()).containsExactly(new MarkdownPage.Link("y.md", 18));
    }
}
