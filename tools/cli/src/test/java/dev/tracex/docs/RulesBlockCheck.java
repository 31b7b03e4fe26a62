package dev.tracex.docs;

import dev.tracex.engine.ExampleResult;
import dev.tracex.engine.Extractors;
import dev.tracex.engine.RuleCompilationException;
import dev.tracex.engine.RuleError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every YAML block of a page that declares {@code extractors:} is a rules file that compiles (JS rules
 * included) with the engine's public API and whose {@code examples:} pass, as {@code tracex check} and
 * {@code tracex test} would say.
 *
 * <p>A block that shows a mistake says so on the line above it: {@code <!-- expect-error: bad.yaml -->}.
 * It is compiled as a file of that name, must fail, and the fenced block right after it must be the error
 * message, line for line ({@code ...} standing for any lines, as in {@link Transcript}). So the error a
 * page prints is the one tracex prints.
 */
final class RulesBlockCheck {
    static final String EXPECT_ERROR = "expect-error:";
    private static final Pattern DECLARES_EXTRACTORS = Pattern.compile("(?m)^extractors:\\s*(#.*)?$");
    // The name errors would carry for a block that is meant to compile; only seen when it does not.
    private static final String FILE_NAME = "extractors.yaml";

    List<Problem> check(MarkdownPage page) {
        List<Problem> problems = new ArrayList<>();
        List<MarkdownPage.Fence> fences = page.fences();
        for (int i = 0; i < fences.size(); i++) {
            MarkdownPage.Fence fence = fences.get(i);
            if (!fence.language().matches("ya?ml") || !DECLARES_EXTRACTORS.matcher(fence.text()).find()) {
                continue;
            }
            String directive = fence.directive();
            if (directive != null && directive.startsWith(EXPECT_ERROR)) {
                String fileName = directive.substring(EXPECT_ERROR.length()).strip();
                MarkdownPage.Fence shown = i + 1 < fences.size() ? fences.get(i + 1) : null;
                checkError(page, fence, fileName, shown, problems);
            } else {
                checkCompiles(page, fence, problems);
            }
        }
        return problems;
    }

    private static void checkCompiles(MarkdownPage page, MarkdownPage.Fence fence, List<Problem> problems) {
        Extractors rules;
        try {
            rules = Extractors.parse(fence.text(), FILE_NAME);
            rules.compileAll();
        } catch (RuleCompilationException e) {
            for (RuleError error : e.errors()) {
                problems.add(page.problem(fence.firstLine() + error.line() - 1, "rules do not compile: " + error));
            }
            return;
        }
        for (ExampleResult result : rules.runExamples()) {
            if (!result.passed()) {
                problems.add(page.problem(fence.firstLine() + result.line() - 1, "example fails: " + result));
            }
        }
    }

    private static void checkError(MarkdownPage page, MarkdownPage.Fence fence, String fileName, MarkdownPage.Fence shown,
                                   List<Problem> problems) {
        int line = fence.directiveLine();
        if (fileName.isEmpty()) {
            problems.add(page.problem(line, "expect-error needs the file name to compile the block as, e.g. <!-- expect-error: bad.yaml -->"));
            return;
        }
        if (shown == null) {
            problems.add(page.problem(line, "expect-error: no fenced block after the rules to hold the error"));
            return;
        }
        String message;
        try {
            Extractors rules = Extractors.parse(fence.text(), fileName);
            rules.compileAll();
            problems.add(page.problem(fence.firstLine(), "rules marked expect-error compile without an error"));
            return;
        } catch (RuleCompilationException e) {
            message = e.getMessage();
        }
        String difference = Transcript.difference(shown.lines(), message.strip().lines().toList());
        if (difference != null) {
            problems.add(page.problem(shown.firstLine(), "the error shown is not the one tracex gives: " + difference));
        }
    }
}
