package dev.tracex.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The data-driven suite: adding a case is adding a file.
 * <ul>
 *   <li>{@code cases/*.yaml}: rules files whose {@code examples:} are the assertions; every example must pass.</li>
 *   <li>{@code errors/*.yaml}: rules files that must fail to compile with exactly the errors listed in
 *       their {@code # error:} comment lines, in order.</li>
 * </ul>
 */
class RuleFileCasesTest {

    static Stream<Path> cases() throws IOException, URISyntaxException {
        return files("cases");
    }

    static Stream<Path> errors() throws IOException, URISyntaxException {
        return files("errors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void examples_ofEveryRule_pass(Path file) throws Exception {
        Extractors rules = Extractors.parse(Files.readString(file), file.getFileName().toString(), file.getParent());

        List<ExampleResult> results = rules.runExamples();

        assertThat(results).as("examples in %s", file.getFileName()).isNotEmpty();
        assertThat(results).filteredOn(r -> !r.passed()).as("failed examples").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void compile_invalidFile_reportsEveryErrorWithPosition(Path file) throws IOException {
        String text = Files.readString(file);
        List<String> expected = text.lines()
                .filter(l -> l.startsWith("# error: "))
                .map(l -> l.substring("# error: ".length()))
                .collect(Collectors.toList());

        RuleCompilationException e = catchThrowableOfType(RuleCompilationException.class,
                () -> Extractors.parse(text, file.getFileName().toString()));

        assertThat(e).as("%s must not compile", file.getFileName()).isNotNull();
        assertThat(e.errors()).extracting(RuleError::toString).containsExactlyElementsOf(expected);
        assertThat(e.getMessage()).isEqualTo(String.join("\n", expected));
    }

    private static Stream<Path> files(String dir) throws IOException, URISyntaxException {
        Path root = Path.of(RuleFileCasesTest.class.getResource("/" + dir).toURI());
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().collect(Collectors.toList()).stream();
        }
    }
}
