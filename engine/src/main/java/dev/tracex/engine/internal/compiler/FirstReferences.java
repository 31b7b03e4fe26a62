package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.node.Scalar;
import dev.tracex.engine.internal.rule.CompiledRule;
import dev.tracex.engine.internal.rule.EachRule;
import dev.tracex.engine.internal.rule.FirstOfRule;
import dev.tracex.engine.internal.rule.FromContextRule;
import dev.tracex.engine.internal.rule.LibraryRule;
import dev.tracex.engine.internal.rule.WhenRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's drafts made compiled rules in dependency order: a {@code first} rule after the rules it names (in the
 * file, or in the {@link RuleLibrary} by qualified name), within limits on nesting and on evaluations per event;
 * then {@code each}, {@code when} and {@code from} around each rule. Reports unknown and cyclic references. Not
 * thread-safe: one per file.
 */
final class FirstReferences {
    /** How deep {@code first} references may nest: far above real files, far below a stack overflow at compile or extract time. */
    static final int MAX_FIRST_DEPTH = 100;
    /** Rule evaluations one event may cost through {@code first} references (a rule reached by two paths counts twice). */
    static final long MAX_FIRST_EVALUATIONS = 10_000;
    /** Names listed after "known:" in an unknown-reference error; a file of 10,000 rules must not make each error list them all. */
    static final int MAX_NAMES_LISTED = 20;

    private final Problems problems;
    private final RuleLibrary library;
    private final Map<String, RuleDraft> drafts;
    private final Map<String, CompiledRule> compiled = new LinkedHashMap<>();
    /** For each compiled rule: {nesting depth of first references, rule evaluations per event}. */
    private final Map<String, long[]> cost = new HashMap<>();

    FirstReferences(Problems problems, RuleLibrary library, Map<String, RuleDraft> drafts) {
        this.problems = problems;
        this.library = library;
        this.drafts = drafts;
    }

    /** Compiles every draft, in file order, each after what it references. */
    void resolveAll() {
        for (RuleDraft d : drafts.values()) {
            resolve(d, new ArrayList<>());
        }
    }

    /** The compiled rule named {@code name}, or {@code null} when it (or a rule it references) has a problem. */
    CompiledRule compiled(String name) {
        return compiled.get(name);
    }

    /** Compiles {@code d} after what it references; reports unknown and cyclic references. */
    private CompiledRule resolve(RuleDraft d, List<String> path) {
        if (compiled.containsKey(d.name)) {
            return compiled.get(d.name);
        }
        if (d.broken) {
            return null;
        }
        CompiledRule body = d.body;
        if (d.first != null) {
            path.add(d.name);
            List<FirstOfRule.Ref> refs = new ArrayList<>();
            boolean ok = true;
            for (Scalar refNode : d.first) {
                String ref = refNode.text();
                CompiledRule target;
                if (ref.contains(".")) {
                    target = library.reference(ref);
                    if (target == null) {
                        problems.at(refNode, d.name, "unknown rule \"" + ref + "\" in first" + library.missingHint());
                        ok = false;
                        continue;
                    }
                } else {
                    RuleDraft t = drafts.get(ref);
                    if (t == null) {
                        problems.at(refNode, d.name, "unknown rule \"" + ref + "\" in first (known: " + someNames() + ")");
                        ok = false;
                        continue;
                    }
                    if (path.size() >= MAX_FIRST_DEPTH) {
                        problems.at(refNode, d.name, "first references nest more than " + MAX_FIRST_DEPTH + " rules deep");
                        ok = false;
                        continue;
                    }
                    if (path.contains(ref)) {
                        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(ref), path.size()));
                        cycle.add(ref);
                        problems.at(refNode, d.name, "cyclic first reference: " + String.join(" -> ", cycle));
                        ok = false;
                        continue;
                    }
                    target = resolve(t, path);
                    if (target == null) {
                        ok = false; // already reported where it is
                        continue;
                    }
                }
                refs.add(new FirstOfRule.Ref(ref, target));
            }
            path.remove(path.size() - 1);
            long[] c = ok ? firstCost(d, refs) : null;
            if (!ok || c == null) {
                d.broken = true;
                return null;
            }
            cost.put(d.name, c);
            body = new FirstOfRule(refs);
        }
        CompiledRule rule = body;
        if (d.each != null) {
            rule = new EachRule(d.each, rule, d.recordId, d.parent);
        }
        if (d.when != null) {
            rule = new WhenRule(d.when, rule);
        }
        if (d.fromContext) {
            rule = new FromContextRule(rule);
        }
        compiled.put(d.name, rule);
        return rule;
    }

    /**
     * Depth and evaluations per event of a {@code first} rule, or {@code null} after reporting that they
     * exceed the limits: a chain too deep overflows the stack; a diamond of references doubling at each
     * level costs 2^n evaluations of every event.
     */
    private long[] firstCost(RuleDraft d, List<FirstOfRule.Ref> refs) {
        long depth = 0;
        long evaluations = 0;
        for (FirstOfRule.Ref r : refs) {
            long[] c = r.name().contains(".") ? new long[] {nesting(r.rule()), 1} : cost.getOrDefault(r.name(), new long[] {1, 1});
            depth = Math.max(depth, c[0]);
            evaluations = Math.min(MAX_FIRST_EVALUATIONS + 1, evaluations + c[1]);
        }
        if (depth + 1 > MAX_FIRST_DEPTH) {
            problems.add(d.line, d.column, d.name, "first references nest more than " + MAX_FIRST_DEPTH + " rules deep");
            return null;
        }
        if (evaluations > MAX_FIRST_EVALUATIONS) {
            problems.add(d.line, d.column, d.name, "first reaches more than " + MAX_FIRST_EVALUATIONS
                    + " rule evaluations per event (a rule referenced along several paths counts once per path)");
            return null;
        }
        return new long[] {depth + 1, evaluations};
    }

    /**
     * Nesting depth of a library rule (the built-ins: few and shallow); a reference not compiled yet counts
     * {@link LibraryRule#MAX_NESTING}, so that naming a built-in does not compile them all.
     */
    private static long nesting(CompiledRule rule) {
        if (rule instanceof LibraryRule) {
            return LibraryRule.MAX_NESTING;
        }
        long deepest = 0;
        for (CompiledRule child : rule.children()) {
            deepest = Math.max(deepest, nesting(child));
        }
        return deepest + 1;
    }

    /** The file's rule names for an error message, the first {@link #MAX_NAMES_LISTED} of them. */
    private String someNames() {
        if (drafts.size() <= MAX_NAMES_LISTED) {
            return String.join(", ", drafts.keySet());
        }
        return drafts.keySet().stream().limit(MAX_NAMES_LISTED).collect(java.util.stream.Collectors.joining(", "))
                + " and " + (drafts.size() - MAX_NAMES_LISTED) + " more";
    }
}
