package dev.tracex.engine.reliability;

import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiled rules every reliability suite runs: one of every kind the engine has (see
 * {@code reliability/every_kind_rules.yaml}), compiled once per JVM.
 *
 * <p>This is the one place a new kind of rule joins the fuzz, hostile-event, concurrency and log suites:
 * a rules file loaded by {@link #load}, like the YAML rules and the {@code js:} rules here.
 */
public final class RuleSuites {
    /** The YAML rules file of every kind, on the test class path. */
    public static final String EVERY_KIND = "reliability/every_kind_rules.yaml";
    /** JS rules of every result shape (GraalJS is on the engine's test class path). */
    public static final String EVERY_JS_KIND = "reliability/every_kind_js_rules.yaml";

    private static final List<Extractor> ALL = compileAll();

    private RuleSuites() {
    }

    /** Every extractor of every suite file, in file order. Immutable, shared between threads. */
    public static List<Extractor> all() {
        return ALL;
    }

    private static List<Extractor> compileAll() {
        List<Extractor> out = new ArrayList<>();
        out.addAll(load(EVERY_KIND));
        out.addAll(load(EVERY_JS_KIND));
        return List.copyOf(out);
    }

    /** Compiles one rules file from the test class path and selects each of its rules. */
    static List<Extractor> load(String resource) {
        try (InputStream in = RuleSuites.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Extractors file = Extractors.parse(text, resource.substring(resource.lastIndexOf('/') + 1));
            List<Extractor> out = new ArrayList<>();
            for (String name : file.names()) {
                out.add(file.extractor(name));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleCompilationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
