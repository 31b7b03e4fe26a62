package dev.tracex.lambda.internal.coldstart;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;
import dev.tracex.lambda.config.ExtractorResolver;
import dev.tracex.lambda.internal.logging.Log;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Cold-start resolution of {@code DD_TRACE_EXTRACTOR}: lenient by default, strict with
 * {@code DD_TRACE_EXTRACTOR_STRICT=true}.
 *
 * <p>Lenient: a missing file, an unknown rule, a bad selection or a compile error is reported as one
 * warning line, in the engine's {@code <file>:<line>:<column>: rule "<name>": <message>} form (several
 * problems joined by {@code "; "}), and the function runs with {@code builtin.default}, because a typo
 * in an environment variable must not take a production function down. Strict: the same problem is
 * thrown as an {@link IllegalStateException} carrying that message, which fails the init phase.
 */
public final class ColdStart {
    static final String STRICT = "DD_TRACE_EXTRACTOR_STRICT";

    private ColdStart() {
    }

    /**
     * The extractor for {@code env}; {@code warn} receives the one warning line of a lenient fallback, and the
     * one of a precompiled form not used.
     *
     * @throws IllegalStateException in strict mode, when the configured extractor cannot be used
     */
    public static Extractor resolve(Map<String, String> env, ClassLoader classpath, Consumer<String> warn) {
        ExtractorResolver resolver = ExtractorResolver.fromEnvironment(env, classpath, warn);
        // A style name tracex does not read is the user's tracer setting, valid for their tracer: said once, not fatal.
        for (String p : resolver.settings().problems()) { // not forEach: a lambda is a class spun at every cold start
            warn.accept(p);
        }
        String problem;
        try {
            Extractor e = resolver.resolveStrict();
            if (Log.debugging()) {
                Log.debug("tracex: extractor " + e.name() + (resolver.selection().isPresent() ? " (then builtin."
                        + ExtractorResolver.DEFAULT_RULE + ")" : "") + (resolver.resolvedFromPrecompiledForm()
                        ? " loaded from its rules file's precompiled form, " : " compiled at cold start, ")
                        + resolver.settings().describe());
            }
            return e;
        } catch (RuleCompilationException e) {
            problem = e.errors().stream().map(RuleError::toString).collect(Collectors.joining("; "));
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            problem = e.getMessage();
        } catch (RuntimeException | LinkageError e) {
            // A bug or a broken class path, not a configuration mistake; still not worth the function.
            problem = e.toString();
        }
        String selected = resolver.selection().orElse("builtin." + ExtractorResolver.DEFAULT_RULE);
        String prefix = "DD_TRACE_EXTRACTOR=" + selected + ": ";
        if (problem != null && problem.startsWith(prefix)) {
            problem = problem.substring(prefix.length());
        }
        if (isStrict(env)) {
            throw new IllegalStateException("DD_TRACE_EXTRACTOR=" + selected + " cannot be used ("
                    + STRICT + "=true): " + problem);
        }
        warn.accept("DD_TRACE_EXTRACTOR=" + selected + " cannot be used, continuing with builtin."
                + ExtractorResolver.DEFAULT_RULE + ": " + problem);
        try {
            return ExtractorResolver.defaultExtractor(resolver.settings());
        } catch (RuleCompilationException | RuntimeException | LinkageError e) {
            // Only a broken tracex-rules jar gets here; extraction is then off rather than the function.
            warn.accept("builtin." + ExtractorResolver.DEFAULT_RULE + " cannot be used either, extraction is off: "
                    + e.getMessage());
            return NoExtractor.INSTANCE;
        }
    }

    static boolean isStrict(Map<String, String> env) {
        String v = env.get(STRICT);
        return v != null && v.trim().toLowerCase(Locale.ROOT).equals("true");
    }
}
