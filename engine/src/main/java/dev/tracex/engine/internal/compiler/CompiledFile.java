package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.rule.CompiledRule;


import java.util.List;
import java.util.Map;

/**
 * A compiled rules file: its rules by name, in file order, and their examples. Internal: may change
 * without notice.
 *
 * @param file         the file's name as errors print it
 * @param prefix       prepended to rule names for attribution ({@code builtin.} for the built-ins)
 * @param rules        compiled rules by local name
 * @param positions    each rule's {line, column}
 * @param examples     every rule's examples, in file order
 */
public record CompiledFile(String file, String prefix, Map<String, CompiledRule> rules,
                           Map<String, int[]> positions, List<RuleExample> examples) {
}
