package dev.tracex.engine.internal.node;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * snakeyaml's composed nodes as tracex's: the one place the two meet, on the path that parses YAML text, so that
 * the compiler and a precompiled form's load never load snakeyaml's classes. Aliases stay shared (a node aliased
 * twice is converted once: an alias bomb within snakeyaml's alias limit stays small) and an anchor aliased inside
 * itself stays a cycle. Not thread-safe: one per conversion.
 */
public final class SnakeYamlNodes {
    private final Map<org.yaml.snakeyaml.nodes.Node, Node> converted = new IdentityHashMap<>();

    private SnakeYamlNodes() {
    }

    /** The node tree of {@code root}; {@code null} for {@code null} (an empty document). */
    public static Node convert(org.yaml.snakeyaml.nodes.Node root) {
        return root == null ? null : new SnakeYamlNodes().node(root);
    }

    private Node node(org.yaml.snakeyaml.nodes.Node n) {
        Node done = converted.get(n);
        if (done != null) {
            return done;
        }
        Position start = position(n.getStartMark());
        Position end = position(n.getEndMark());
        if (n instanceof MappingNode m) {
            List<Entry> entries = new ArrayList<>(m.getValue().size());
            Mapping mapping = Mapping.filledLater(entries, m.getFlowStyle() == DumperOptions.FlowStyle.FLOW, start, end);
            converted.put(n, mapping); // before its entries, which may alias it
            for (NodeTuple t : m.getValue()) {
                Node key = node(t.getKeyNode());
                entries.add(new Entry(key, node(t.getValueNode())));
            }
            return mapping;
        }
        if (n instanceof SequenceNode s) {
            List<Node> items = new ArrayList<>(s.getValue().size());
            Sequence sequence = Sequence.filledLater(items, s.getFlowStyle() == DumperOptions.FlowStyle.FLOW, start, end);
            converted.put(n, sequence);
            for (org.yaml.snakeyaml.nodes.Node item : s.getValue()) {
                items.add(node(item));
            }
            return sequence;
        }
        ScalarNode s = (ScalarNode) n;
        Scalar.Style style = style(s.getScalarStyle());
        Scalar scalar = new Scalar(s.getValue(), s.getTag().getValue(), style, style.isBlock() ? blockIndent(s) : 0,
                start, end);
        converted.put(n, scalar);
        return scalar;
    }

    private static Position position(Mark m) {
        return new Position(m.getLine(), m.getColumn(), m.getIndex());
    }

    private static Scalar.Style style(DumperOptions.ScalarStyle style) {
        return switch (style) {
            case PLAIN -> Scalar.Style.PLAIN;
            case SINGLE_QUOTED -> Scalar.Style.SINGLE_QUOTED;
            // JSON_SCALAR_STYLE is a style snakeyaml writes with, never one its parser reads
            case DOUBLE_QUOTED, JSON_SCALAR_STYLE -> Scalar.Style.DOUBLE_QUOTED;
            case LITERAL -> Scalar.Style.LITERAL;
            case FOLDED -> Scalar.Style.FOLDED;
        };
    }

    /**
     * The indentation of the first non-blank line after a block scalar's indicator (0 if there is none), found in
     * the text its start mark holds: snakeyaml keeps it nowhere else.
     */
    private static int blockIndent(ScalarNode s) {
        Mark m = s.getStartMark();
        int[] buffer = m.getBuffer();
        int i = m.getPointer(); // the buffer is the reader's window: getIndex() counts from the file's start
        while (i < buffer.length && buffer[i] != '\n') {
            i++;
        }
        while (i < buffer.length) {
            i++; // past the newline
            int start = i;
            while (i < buffer.length && buffer[i] == ' ') {
                i++;
            }
            if (i < buffer.length && buffer[i] != '\n' && buffer[i] != '\r') {
                return i - start;
            }
        }
        return 0;
    }
}
