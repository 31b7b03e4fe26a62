package dev.tracex.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.tracex.lambda.internal.handoff.ReachesIntoTheEngine;
import dev.tracex.lambda.internal.handoff.ReachesUpToTheApi;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.Logger;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The layering rules of tracex's modules, checked on their compiled classes (the engine, the built-in rules, the
 * Lambda adapter and the command line: this module's class path is the one that holds them all; test classes and
 * the benchmarks, which may reach internals to measure them, are not imported). A rule broken anywhere fails the
 * build with the offending dependencies listed, class and line.
 */
class ArchitectureTest {
    /**
     * ArchUnit reports its set-up at INFO (the Java version, the properties file), here through SLF4J to JUL and so
     * into the build log; held in a field because JUL keeps loggers weakly.
     */
    private static final Logger ARCHUNIT_LOG = quiet(Logger.getLogger("com.tngtech.archunit"));

    private static final JavaClasses TRACEX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The adapter's test-jar (its test functions, for `tracex invoke`'s tests) is test code too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.tracex");

    /** The engine knows nothing of Lambda, the adapter or the tools. */
    static final ArchRule ENGINE_DEPENDS_ON_NO_ADAPTER_OR_TOOL = noClasses()
            .that().resideInAPackage("dev.tracex.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tracex.lambda..", "dev.tracex.cli..", "dev.tracex.rules..");

    /** What other modules need from the engine is its public API: {@code internal} means internal. */
    static final ArchRule NOTHING_OUTSIDE_THE_ENGINE_USES_ITS_INTERNALS = noClasses()
            .that().resideOutsideOfPackage("dev.tracex.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.tracex.engine.internal..");

    /** The same for the adapter: the command line uses its public packages only. */
    static final ArchRule NOTHING_OUTSIDE_THE_ADAPTER_USES_ITS_INTERNALS = noClasses()
            .that().resideOutsideOfPackage("dev.tracex.lambda..")
            .should().dependOnClassesThat().resideInAPackage("dev.tracex.lambda.internal..");

    /** The header codecs stand alone: a tracer-side use of them must not load the rules compiler. */
    static final ArchRule PROPAGATION_DEPENDS_ON_NO_COMPILER_CLASS = noClasses()
            .that().resideInAPackage("dev.tracex.engine.propagation..")
            .should().dependOnClassesThat().resideInAPackage("dev.tracex.engine.internal.compiler..");

    /**
     * No package cycles, but for one kind of dependency: the engine's entry points ({@code Extractors}, in its public
     * root package) calling the internals that do the work, whose results are the root package's value types
     * ({@code Extraction}, {@code TraceContext}, {@code RuleError}). Every other way back is a cycle.
     */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.tracex.(**)").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("dev.tracex.engine"), resideInAPackage("dev.tracex.engine.internal.."));

    /**
     * The adapter by role, each layer using only those below it: the public API on top, then the extractor held
     * from cold start, SnapStart priming, batches, one invocation, the tracer hand-offs, logs; the public
     * configuration and local-context packages at the bottom, which the command line uses too.
     */
    static final LayeredArchitecture ADAPTER_LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("API").definedBy("dev.tracex.lambda")
            .layer("Cold start").definedBy("dev.tracex.lambda.internal.coldstart..")
            .layer("SnapStart").definedBy("dev.tracex.lambda.internal.snapstart..")
            .layer("Batches").definedBy("dev.tracex.lambda.internal.batch..")
            .layer("Invocation").definedBy("dev.tracex.lambda.internal.invocation..")
            .layer("Hand-offs").definedBy("dev.tracex.lambda.internal.handoff..")
            .layer("Logs").definedBy("dev.tracex.lambda.internal.logging..")
            .layer("Configuration").definedBy("dev.tracex.lambda.config..", "dev.tracex.lambda.local..")
            .whereLayer("API").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cold start").mayOnlyBeAccessedByLayers("API")
            .whereLayer("SnapStart").mayOnlyBeAccessedByLayers("API", "Cold start")
            .whereLayer("Batches").mayOnlyBeAccessedByLayers("API", "Cold start", "SnapStart")
            .whereLayer("Invocation").mayOnlyBeAccessedByLayers("API", "Cold start", "SnapStart", "Batches")
            .whereLayer("Hand-offs").mayOnlyBeAccessedByLayers("API", "Cold start", "SnapStart", "Batches", "Invocation")
            .whereLayer("Logs").mayOnlyBeAccessedByLayers("API", "Cold start", "SnapStart", "Batches", "Invocation",
                    "Hand-offs")
            .whereLayer("Configuration").mayOnlyBeAccessedByLayers("API", "Cold start", "SnapStart", "Batches",
                    "Invocation", "Hand-offs", "Logs");

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    @Test
    void importedClasses_spanEveryModule() {
        assertThat(TRACEX.containPackage("dev.tracex.engine.internal.compiler")).isTrue();
        assertThat(TRACEX.containPackage("dev.tracex.lambda.internal.handoff")).isTrue();
        assertThat(TRACEX.containPackage("dev.tracex.cli")).isTrue();
        assertThat(TRACEX.stream().filter(c -> c.getPackageName().startsWith("dev.tracex.lambda.functions"))).isEmpty();
        assertThat(TRACEX.stream().filter(c -> c.getSimpleName().startsWith("Reaches"))).isEmpty();
    }

    @Test
    void engine_dependsOnNoAdapterOrToolClass() {
        ENGINE_DEPENDS_ON_NO_ADAPTER_OR_TOOL.check(TRACEX);
    }

    @Test
    void outsideTheEngine_nothingUsesItsInternals() {
        NOTHING_OUTSIDE_THE_ENGINE_USES_ITS_INTERNALS.check(TRACEX);
    }

    @Test
    void outsideTheAdapter_nothingUsesItsInternals() {
        NOTHING_OUTSIDE_THE_ADAPTER_USES_ITS_INTERNALS.check(TRACEX);
    }

    @Test
    void propagation_dependsOnNoCompilerClass() {
        PROPAGATION_DEPENDS_ON_NO_COMPILER_CLASS.check(TRACEX);
    }

    @Test
    void packages_haveNoCycles() {
        NO_PACKAGE_CYCLES.check(TRACEX);
    }

    @Test
    void adapter_eachRoleUsesOnlyTheRolesBelowIt() {
        ADAPTER_LAYERS.check(TRACEX);
    }

    /** The rules are not vacuous: classes planted in this module's tests break them, and are named. */
    @Test
    void plantedViolations_areReported() {
        JavaClasses planted = new ClassFileImporter().importClasses(ReachesUpToTheApi.class, ReachesIntoTheEngine.class,
                dev.tracex.lambda.TracexLambda.class, dev.tracex.engine.internal.json.Json.class);

        // The planted set leaves most layers empty, which the real check refuses.
        assertThatThrownBy(() -> ADAPTER_LAYERS.withOptionalLayers(true).check(planted))
                .hasMessageContaining("ReachesUpToTheApi").hasMessageContaining("dev.tracex.lambda.TracexLambda");
        assertThatThrownBy(() -> NOTHING_OUTSIDE_THE_ENGINE_USES_ITS_INTERNALS.check(planted))
                .hasMessageContaining("ReachesIntoTheEngine").hasMessageContaining("dev.tracex.engine.internal.json.Json");
    }
}
