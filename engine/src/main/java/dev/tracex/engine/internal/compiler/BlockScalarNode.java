package dev.tracex.engine.internal.compiler;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A block scalar ({@code |} or {@code >}) read from a composed form, which knows its content's indentation: the
 * form's marks carry no text buffer to find it in, and a JS snippet's error positions need it
 * ({@link ScriptSnippets}).
 */
final class BlockScalarNode extends ScalarNode {
    private final int indent;

    BlockScalarNode(Tag tag, String value, Mark start, Mark end, DumperOptions.ScalarStyle style, int indent) {
        super(tag, value, start, end, style);
        this.indent = indent;
    }

    /** The indentation of the first non-blank line after {@code s}'s indicator (0 if there is none). */
    static int indent(ScalarNode s) {
        if (s instanceof BlockScalarNode) {
            return ((BlockScalarNode) s).indent;
        }
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
