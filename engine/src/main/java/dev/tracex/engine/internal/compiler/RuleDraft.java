package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.json.JsonAccessor;
import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.ParentPolicy;
import dev.tracex.engine.internal.rule.RecordId;
import dev.tracex.engine.internal.step.Pipeline;

import java.util.List;

/**
 * A parsed rule whose own parts compiled ({@link RuleKeys}); its {@code first} references are resolved
 * afterwards ({@link FirstReferences}), when every rule of the file is known. Mutable while the file compiles.
 */
final class RuleDraft {
    String name;
    int line;
    int column;
    boolean broken;
    CompiledRule body;             // headers, fields, js
    List<Scalar> first;            // first
    JsonAccessor each;
    RecordId recordId;
    ParentPolicy parent = ParentPolicy.FIRST;
    Pipeline when;
    boolean fromContext;
}
