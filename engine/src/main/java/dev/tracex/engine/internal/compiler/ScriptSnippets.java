package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.jscompile.JsSubset;
import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.Position;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.rule.ScriptRule;
import dev.tracex.engine.internal.script.ScriptSource;
import dev.tracex.engine.propagation.PropagationStyle;

import java.util.List;

/**
 * A rule's {@code js:} snippet: compiled here when it is written in the subset ({@link JsSubset}), else checked
 * for shape and compiled on GraalJS later, when a rule reaching it is selected ({@link dev.tracex.engine.internal.rule.ScriptRule#compileReachable}), with where its text starts in the file so that JS errors point into
 * the rules file. Static, so that a file without JS does not load this class.
 */
final class ScriptSnippets {
    private ScriptSnippets() {
    }

    /** The rule of snippet {@code node}, not compiled yet, or {@code null} after reporting why it is not one. */
    static ScriptRule rule(Problems problems, String file, Node node, String rule, String attributed,
                           List<PropagationStyle> styles) {
        if (!(node instanceof Scalar s) || s.text().isBlank()) {
            problems.at(node, rule, "js is the source of a function, e.g. (payload, context) => ({...})");
            return null;
        }
        return JsSubset.rule(source(s, file, attributed, styles));
    }

    /** Where the snippet's text starts in the file, for mapping JS error positions back to it. */
    private static ScriptSource source(Scalar s, String file, String attributed, List<PropagationStyle> styles) {
        Position m = s.start();
        if (s.style().isBlock()) {
            // A block scalar's text starts on the line after the indicator, at its indentation.
            int indent = s.blockIndent();
            return new ScriptSource(attributed, s.text(), file, m.line() + 2, indent + 1, indent, styles);
        }
        int quote = s.style() == Scalar.Style.PLAIN ? 0 : 1;
        return new ScriptSource(attributed, s.text(), file, m.line() + 1, m.column() + 1 + quote, 0, styles);
    }
}
