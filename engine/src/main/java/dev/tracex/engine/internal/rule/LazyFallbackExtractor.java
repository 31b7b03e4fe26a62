package dev.tracex.engine.internal.rule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.Explanation;
import dev.tracex.engine.Extraction;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.InvocationContext;
import dev.tracex.engine.internal.json.DecodedDocuments;
import dev.tracex.engine.logging.MissReasons;
import dev.tracex.engine.logging.TracexLogger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * A selected extractor with a fallback behind it (a function's rule, then {@code builtin.default}), the
 * fallback compiled the first time the selected one does not settle a parent. Answers exactly as
 * {@link FirstOfRule} over the two: the first settled parent wins, else the first batch links.
 *
 * <p>Why not {@code FirstOfRule} at cold start: compiling the built-in rules (parsing their file, compiling
 * some 40 rules and Jayway's filters) was the larger part of a YAML rule's cold start, for a fallback a
 * function whose rule finds its context never runs. The price, paid only on a miss: the raw event is read
 * twice, each time pruned to what one of the two reads, and the first miss compiles the fallback.
 * {@link #compileFallback()} compiles it ahead (SnapStart priming does, before the snapshot). Internal:
 * may change without notice.
 */
public final class LazyFallbackExtractor implements Extractor {
    private static final TracexLogger LOG = TracexLogger.named("dev.tracex.engine");

    private final CompiledExtractor primary;
    private final Supplier<? extends Extractor> fallbackSource;
    private volatile CompiledExtractor fallback;
    private volatile boolean fallbackFailed;

    /**
     * @param primary        the selected extractor, compiled
     * @param fallbackSource compiles the fallback when first needed; an extractor from {@code Extractors}
     */
    public LazyFallbackExtractor(CompiledExtractor primary, Supplier<? extends Extractor> fallbackSource) {
        this.primary = primary;
        this.fallbackSource = fallbackSource;
    }

    @Override
    public String name() {
        return primary.name();
    }

    /**
     * The fallback, compiled now if it was not yet; {@code null} if it cannot be (a broken rules jar: logged
     * once, and the selected rule alone answers from then on).
     */
    public CompiledExtractor compileFallback() {
        CompiledExtractor f = fallback;
        if (f != null || fallbackFailed) {
            return f;
        }
        synchronized (this) {
            if (fallback == null && !fallbackFailed) {
                try {
                    fallback = (CompiledExtractor) fallbackSource.get();
                } catch (RuntimeException | LinkageError e) {
                    fallbackFailed = true;
                    LOG.warn("the fallback behind rule \"" + primary.name() + "\" cannot be compiled, the rule answers alone: " + e);
                }
            }
            return fallback;
        }
    }

    @Override
    public List<Extractor> compileDeferred() {
        CompiledExtractor f = compileFallback();
        return f == null ? List.of() : List.of(f);
    }

    /** The eager equivalent: one extractor over both rules, for explanations. */
    private Extractor eager() {
        CompiledExtractor f = compileFallback();
        return f == null ? primary : new CompiledExtractor(primary.name(), FirstOfRule.of(List.of(primary, f)));
    }

    @Override
    public Extraction extract(JsonNode event, InvocationContext context) {
        // One event for both rules: what the selected rule decoded, the fallback reads again without decoding.
        try (DecodedDocuments documents = DecodedDocuments.open()) {
            Extraction first = primary.extract(event, context);
            if (first.parentSettled()) {
                return first;
            }
            CompiledExtractor f = compileFallback();
            return f == null ? first : either(first, f.extract(event, context));
        }
    }

    @Override
    public Extraction extract(byte[] json, InvocationContext context) {
        if (json == null) {
            return Extraction.none();
        }
        Extraction first = primary.extract(json, context);
        if (first.parentSettled()) {
            return first;
        }
        CompiledExtractor f = compileFallback();
        return f == null ? first : either(first, f.extract(json, context));
    }

    @Override
    public Extraction extract(String json, InvocationContext context) {
        return json == null ? Extraction.none() : extract(json.getBytes(StandardCharsets.UTF_8), context);
    }

    @Override
    public Extraction extract(InputStream json, InvocationContext context) {
        if (json == null) {
            return Extraction.none();
        }
        byte[] bytes;
        try {
            bytes = json.readAllBytes(); // read once: a miss reads it again for the fallback
        } catch (IOException | RuntimeException e) {
            if (LOG.debugging()) {
                String line = "rule \"" + primary.name() + "\": event could not be read";
                if (!MissReasons.offer(line)) {
                    LOG.debug(line);
                }
            }
            return Extraction.none();
        }
        return extract(bytes, context);
    }

    @Override
    public Explanation explain(JsonNode event, InvocationContext context) {
        return eager().explain(event, context);
    }

    /** {@link FirstOfRule}'s answer over two results, the first not settled. */
    private static Extraction either(Extraction first, Extraction second) {
        if (second.parentSettled()) {
            return second;
        }
        if (!first.isEmpty()) {
            return first;
        }
        return second.isEmpty() ? Extraction.none() : second;
    }

    @Override
    public String toString() {
        return primary.name() + " = " + primary.rule() + ", then " + (fallback == null ? "a fallback not compiled yet" : fallback.name());
    }
}
