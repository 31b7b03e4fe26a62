package dev.tracex.engine.script;

import dev.tracex.engine.RuleError;
import dev.tracex.engine.internal.script.ScriptSource;

/** A snippet or module that could not be evaluated to its functions, with the file position to report. */
final class ScriptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    ScriptFailure(int[] position, String message) {
        super(message, null, false, false);
        this.line = position[0];
        this.column = position[1];
    }

    RuleError toError(ScriptSource source) {
        return new RuleError(source.file(), line, column, source.rule(), getMessage());
    }
}
