package dev.tracex.engine.internal.node;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * snakeyaml's composed nodes converted to tracex's keep what the rules compiler reads: text, resolved tags, scalar and
 * flow styles, start and end positions, a block scalar's indentation, and aliases as the node they name.
 */
class SnakeYamlNodesTest {
    @Test
    void convert_scalars_keepTextTagStyleAndPositions() {
        Mapping root = (Mapping) convert("""
                a: 42
                b: 'x y'
                c: "$.a | json"
                d: 2.5
                e: yes
                f: ~
                g: !custom text
                """);

        List<Entry> entries = root.entries();
        assertThat(entries).hasSize(7);
        assertThat(entries.get(0).key()).isEqualTo(new Scalar("a", "tag:yaml.org,2002:str", Scalar.Style.PLAIN, 0,
                new Position(0, 0, 0), new Position(0, 1, 1)));
        assertThat(entries.get(0).value()).isEqualTo(new Scalar("42", Scalar.INT_TAG, Scalar.Style.PLAIN, 0,
                new Position(0, 3, 3), new Position(0, 5, 5)));
        // "a: 42\n" is 6 code points: line 1 starts at index 6, its value at 9 and ends after the closing quote.
        assertThat(entries.get(1).value()).isEqualTo(new Scalar("x y", "tag:yaml.org,2002:str", Scalar.Style.SINGLE_QUOTED,
                0, new Position(1, 3, 9), new Position(1, 8, 14)));
        assertThat((Scalar) entries.get(2).value()).extracting(Scalar::text, Scalar::tag, Scalar::style)
                .containsExactly("$.a | json", "tag:yaml.org,2002:str", Scalar.Style.DOUBLE_QUOTED);
        assertThat(((Scalar) entries.get(3).value()).tag()).isEqualTo(Scalar.FLOAT_TAG);
        assertThat(((Scalar) entries.get(4).value()).tag()).isEqualTo(Scalar.BOOL_TAG);
        assertThat(((Scalar) entries.get(5).value()).tag()).isEqualTo(Scalar.NULL_TAG);
        assertThat((Scalar) entries.get(6).value()).extracting(Scalar::text, Scalar::tag).containsExactly("text", "!custom");
    }

    @Test
    void convert_blockScalars_keepTheirStyleAndContentIndentation() {
        Mapping root = (Mapping) convert("""
                literal: |
                    (e) => {
                      return e._datadog;
                    }
                folded: >-

                  (e) =>
                  e.y
                empty: |
                """);

        Scalar literal = (Scalar) root.entries().get(0).value();
        Scalar folded = (Scalar) root.entries().get(1).value();
        Scalar empty = (Scalar) root.entries().get(2).value();
        assertThat(literal).extracting(Scalar::text, Scalar::style, Scalar::blockIndent, Scalar::start)
                .containsExactly("(e) => {\n  return e._datadog;\n}\n", Scalar.Style.LITERAL, 4, new Position(0, 9, 9));
        // the blank line after the indicator does not count: the first line with text does
        assertThat(folded).extracting(Scalar::text, Scalar::style, Scalar::blockIndent)
                .containsExactly("\n(e) => e.y", Scalar.Style.FOLDED, 2);
        assertThat(empty).extracting(Scalar::text, Scalar::blockIndent).containsExactly("", 0);
    }

    @Test
    void convert_collections_keepFlowStyleAndPositions() {
        Mapping root = (Mapping) convert("""
                block:
                  - one
                flow: [1, {k: v}]
                """);

        Sequence block = (Sequence) root.entries().get(0).value();
        Sequence flow = (Sequence) root.entries().get(1).value();
        assertThat(root.flow()).isFalse();
        assertThat(root.start()).isEqualTo(new Position(0, 0, 0));
        assertThat(block.flow()).isFalse();
        assertThat(block.start()).isEqualTo(new Position(1, 2, 9));
        assertThat(flow.flow()).isTrue();
        // lines 0 and 1 hold 7 and 8 code points: line 2 starts at index 15
        assertThat(flow.start()).isEqualTo(new Position(2, 6, 21));
        assertThat(flow.end()).isEqualTo(new Position(2, 17, 32));
        assertThat(flow.items()).hasSize(2);
        assertThat(((Mapping) flow.items().get(1)).flow()).isTrue();
        assertThat(((Scalar) ((Mapping) flow.items().get(1)).entries().get(0).value()).text()).isEqualTo("v");
    }

    @Test
    void convert_alias_isTheNodeItsAnchorNames_evenInsideItself() {
        Mapping root = (Mapping) convert("""
                shared: &s {k: v}
                again: *s
                cycle: &c [*c]
                """);

        assertThat(root.entries().get(1).value()).isSameAs(root.entries().get(0).value());
        Sequence cycle = (Sequence) root.entries().get(2).value();
        assertThat(cycle.items()).singleElement().isSameAs(cycle);
    }

    @Test
    void convert_emptyDocument_isNull() {
        assertThat(convert("# nothing but a comment\n")).isNull();
    }

    private static Node convert(String yaml) {
        return SnakeYamlNodes.convert(new Yaml().compose(new StringReader(yaml)));
    }
}
