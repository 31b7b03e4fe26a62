package dev.tracex.engine.internal.node;

/**
 * A scalar: its text, the tag snakeyaml's resolver gave it (for a plain scalar, what its text looks like:
 * {@link #INT_TAG} for {@code 42}; {@code tag:yaml.org,2002:str} for a quoted one; an explicit tag as written), and
 * how it was written. {@code blockIndent} is the indentation of a block scalar's first non-blank line after its
 * indicator (0 if there is none, and for the other styles): a JS snippet's error positions are mapped back through it.
 */
public record Scalar(String text, String tag, Style style, int blockIndent, Position start, Position end)
        implements Node {
    public static final String NULL_TAG = "tag:yaml.org,2002:null";
    public static final String BOOL_TAG = "tag:yaml.org,2002:bool";
    public static final String INT_TAG = "tag:yaml.org,2002:int";
    public static final String FLOAT_TAG = "tag:yaml.org,2002:float";

    /** How a scalar is written; the names are snakeyaml's, which composed forms hold. */
    public enum Style {
        PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED;

        /** {@code |} or {@code >}: the text starts on the line after the indicator. */
        public boolean isBlock() {
            return this == LITERAL || this == FOLDED;
        }
    }
}
