package dev.tracex.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * {@code tracex-rules.schema.json}, the JSON Schema editors validate and complete rules files with (the YAML
 * language server's {@code # yaml-language-server: $schema=...}): every rules file in the repository passes
 * it, and the error fixtures fail it, or fail as YAML, except those whose only errors the compiler alone can
 * see (rule references, cycles, JSONPath syntax inside a path), listed here with that reason.
 */
class RulesSchemaTest {
    static final String SCHEMA = "/dev/tracex/engine/tracex-rules.schema.json";
    private static final Path REPOSITORY = RepositoryRulesFiles.repository();
    // As an editor reads the file: a repeated key is an error, not "the last one wins".
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = RulesSchemaTest.class.getResourceAsStream(SCHEMA)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    /** Every rules file of the repository outside the error fixtures: a YAML file with a top-level {@code extractors:}. */
    static Stream<Arguments> rulesFiles() throws IOException {
        List<Path> files = RepositoryRulesFiles.all().stream()
                .filter(p -> !p.getParent().endsWith(Path.of("src/test/resources/errors")))
                .filter(p -> !p.toString().contains("FuzzTestInputs")) // fuzzer seeds: copies, invalid ones too
                .toList();
        return files.stream().map(p -> argumentSet(REPOSITORY.relativize(p).toString(), p));
    }

    @Test
    void rulesFiles_includeTheBuiltinsAndTheExamples() throws IOException {
        assertThat(rulesFiles().map(a -> a.get()[0].toString())).contains(
                REPOSITORY.resolve("rules/src/main/resources/dev/tracex/rules/builtin.yaml").toString(),
                REPOSITORY.resolve("examples/src/main/resources/extractors.yaml").toString());
    }

    @ParameterizedTest
    @MethodSource("rulesFiles")
    void validate_everyRulesFileInTheRepository_passes(Path file) throws IOException {
        assertThat(errors(file)).as("schema errors in %s", file).isEmpty();
    }

    enum Verdict { INVALID_YAML, REJECTED_BY_THE_SCHEMA, COMPILER_ONLY }

    static Stream<Arguments> errorFixtures() {
        return Stream.of(
                argumentSet("alias_bomb", "alias_bomb.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("bad_paths", "bad_paths.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("batch_keys: record_id and parent", "batch_keys.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("headers_mapping: header names and their pipelines", "headers_mapping.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("complex_keys: mappings as keys", "complex_keys.yaml", Verdict.INVALID_YAML),
                argumentSet("empty_file", "empty_file.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("examples_shape", "examples_shape.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("extractors_list", "extractors_list.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("first_diamond: too many evaluations through first references", "first_diamond.yaml", Verdict.COMPILER_ONLY),
                argumentSet("more_structure", "more_structure.yaml", Verdict.INVALID_YAML),
                argumentSet("not_yaml", "not_yaml.yaml", Verdict.INVALID_YAML),
                argumentSet("references: unknown rules and cycles in first", "references.yaml", Verdict.COMPILER_ONLY),
                argumentSet("structure", "structure.yaml", Verdict.INVALID_YAML),
                argumentSet("top_level", "top_level.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("unknown_step", "unknown_step.yaml", Verdict.REJECTED_BY_THE_SCHEMA),
                argumentSet("js_one_line_colon", "js_one_line_colon.yaml", Verdict.INVALID_YAML),
                argumentSet("indentation", "indentation.yaml", Verdict.INVALID_YAML),
                argumentSet("unclosed_quote", "unclosed_quote.yaml", Verdict.INVALID_YAML),
                argumentSet("flow_brackets", "flow_brackets.yaml", Verdict.INVALID_YAML),
                argumentSet("tab", "tab.yaml", Verdict.INVALID_YAML));
    }

    @Test
    void errorFixtures_areAllListed() throws IOException {
        try (Stream<Path> files = Files.list(REPOSITORY.resolve("engine/src/test/resources/errors"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(errorFixtures().map(a -> a.get()[0].toString()).sorted().collect(Collectors.toList()));
        }
    }

    @ParameterizedTest
    @MethodSource("errorFixtures")
    void validate_errorFixture_failsUnlessOnlyTheCompilerCanTell(String name, Verdict verdict) throws IOException {
        Path file = REPOSITORY.resolve("engine/src/test/resources/errors").resolve(name);
        Optional<JsonNode> tree = read(file);
        switch (verdict) {
            case INVALID_YAML -> assertThat(tree).as("%s read as YAML", name).isEmpty();
            case REJECTED_BY_THE_SCHEMA -> {
                assertThat(tree).as("%s read as YAML", name).isPresent();
                assertThat(schema.validate(tree.get())).as("schema errors in %s", name).isNotEmpty();
            }
            case COMPILER_ONLY -> {
                assertThat(tree).as("%s read as YAML", name).isPresent();
                assertThat(schema.validate(tree.get())).as("schema errors in %s", name).isEmpty();
            }
        }
    }

    @Test
    void validate_theSchemaItself_isAValidDraft7Schema() {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_7.getDialectId()));
        JsonNode own;
        try (InputStream in = RulesSchemaTest.class.getResourceAsStream(SCHEMA)) {
            own = YAML.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        assertThat(metaSchema.validate(own)).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                argumentSet("unknown step", "a: {headers: '$.a | b64'}", "/extractors/a/headers"),
                argumentSet("pipeline not starting with a path", "a: {headers: json}", "/extractors/a/headers"),
                argumentSet("unknown key", "a: {headers: $.a, colour: red}", "/extractors/a"),
                argumentSet("two kinds", "a: {headers: $.a, first: [b]}", "/extractors/a"),
                argumentSet("no kind", "a: {description: x}", "/extractors/a"),
                argumentSet("unknown style", "a: {headers: $.a, styles: [zipkin]}", "/extractors/a/styles"),
                argumentSet("styles on a fields rule", "a: {fields: {trace_id: $.t, parent_id: $.p}, styles: [b3]}", "/extractors/a"),
                argumentSet("id_format on a headers rule", "a: {headers: $.h, id_format: hex}", "/extractors/a"),
                argumentSet("fields without parent_id", "a: {fields: {trace_id: $.t}}", "/extractors/a/fields"),
                argumentSet("unknown field", "a: {fields: {trace_id: $.t, parent_id: $.p, span: $.s}}", "/extractors/a/fields"),
                argumentSet("invalid rule name", "a.b: {headers: $.a}", "/extractors"),
                argumentSet("first not a list", "a: {first: b}", "/extractors/a/first"),
                argumentSet("empty js", "a: {js: ' '}", "/extractors/a/js"),
                argumentSet("unknown expected key", "a: {headers: $.a, examples: [{event: {}, expect: {span_id: '1'}}]}",
                        "/extractors/a/examples/0/expect"),
                argumentSet("example without expect", "a: {headers: $.a, examples: [{event: {}}]}", "/extractors/a/examples/0"));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void validate_oneMistake_isRejectedWhereItIs(String rules, String where) throws IOException {
        JsonNode tree = YAML.readTree("extractors:\n  " + rules + "\n");

        assertThat(schema.validate(tree)).extracting(e -> e.getInstanceLocation().toString()).contains(where);
    }

    private static List<Error> errors(Path file) throws IOException {
        Optional<JsonNode> tree = read(file);
        assertThat(tree).as("%s read as YAML", file).isPresent();
        return schema.validate(tree.get());
    }

    /** The file as the YAML language server reads it, or empty when it is not YAML it accepts. */
    private static Optional<JsonNode> read(Path file) {
        try {
            JsonNode n = YAML.readTree(file.toFile());
            return Optional.of(n == null || n.isMissingNode() ? NullNode.instance : n);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
