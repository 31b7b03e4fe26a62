package dev.tracex.docs;

import dev.tracex.cli.TracexCommand;
import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.Logging;
import dev.tracex.engine.logging.StreamOutput;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code tracex} command a page shows with its output prints that output. The convention: a
 * {@code console} block, its commands on lines starting with {@code $ } (a trailing {@code \} continues one
 * on the next line), each followed by what it prints (standard output and error, as a terminal interleaves
 * them); {@code ...} on a line of its own stands for any lines. Commands run from the repository root.
 * Commands without output to show go in {@code sh} blocks, which are not run.
 *
 * <p>They run in this JVM through {@link TracexCommand#run}, the jar's entry point, with tracex's log lines
 * on the same output at the level the jar has (info, no SLF4J provider in it), so a warning the jar would
 * print is part of the output too. The working directory of a test JVM is the module's, so an argument
 * naming a file or directory of the repository is given as an absolute path, and the repository's path is
 * taken out of the output again: the page reads as run from the root.
 */
final class ConsoleBlockCheck {
    private static final String PROMPT = "$ ";

    private final Path root;

    ConsoleBlockCheck(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    List<Problem> check(MarkdownPage page) {
        List<Problem> problems = new ArrayList<>();
        for (MarkdownPage.Fence fence : page.fences()) {
            if (fence.language().equals("console")) {
                checkBlock(page, fence, problems);
            }
        }
        return problems;
    }

    private void checkBlock(MarkdownPage page, MarkdownPage.Fence fence, List<Problem> problems) {
        List<String> lines = fence.lines();
        int i = 0;
        if (lines.isEmpty() || !lines.get(0).startsWith(PROMPT)) {
            problems.add(page.problem(fence.firstLine(), "a console block starts with a command: a line \"$ tracex ...\""));
            return;
        }
        while (i < lines.size()) {
            int commandLine = fence.firstLine() + i;
            StringBuilder command = new StringBuilder(lines.get(i).substring(PROMPT.length()));
            while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                command.setLength(command.length() - 1);
                command.append(' ').append(lines.get(++i).strip());
            }
            i++;
            int outputStart = i;
            while (i < lines.size() && !lines.get(i).startsWith(PROMPT)) {
                i++;
            }
            List<String> shown = lines.subList(outputStart, i);
            Problem p = run(page, commandLine, command.toString().strip(), shown);
            if (p != null) {
                problems.add(p);
            }
        }
    }

    private Problem run(MarkdownPage page, int line, String command, List<String> shown) {
        List<String> words;
        try {
            words = ShellWords.split(command);
        } catch (IllegalArgumentException e) {
            return page.problem(line, "cannot run \"" + command + "\": " + e.getMessage());
        }
        if (words.isEmpty() || !words.get(0).equals("tracex")) {
            return page.problem(line, "a console block runs tracex commands only (show others in an sh block): " + command);
        }
        List<String> args = new ArrayList<>();
        for (String w : words.subList(1, words.size())) {
            args.add(inRepository(w));
        }
        String output = runInProcess(args.toArray(String[]::new)).replace(root + "/", "");
        String difference = Transcript.difference(shown, output.lines().toList());
        return difference == null ? null : page.problem(line, "\"" + command + "\" prints otherwise: " + difference);
    }

    /** {@code w}, or its absolute path when it (or the value of {@code --option=value}) names a repository file. */
    private String inRepository(String w) {
        int eq = w.startsWith("--") ? w.indexOf('=') : -1;
        String value = eq < 0 ? w : w.substring(eq + 1);
        if (value.isEmpty() || value.startsWith("-") || value.startsWith("/")) {
            return w;
        }
        Path p = root.resolve(value).normalize();
        if (!p.startsWith(root) || !Files.exists(p)) {
            return w;
        }
        return (eq < 0 ? "" : w.substring(0, eq + 1)) + p;
    }

    private static String runInProcess(String[] args) {
        StringWriter text = new StringWriter();
        PrintWriter both = new PrintWriter(text, true);
        Logging.Setup before = Logging.swap(new Logging.Setup(LogLevel.INFO, StreamOutput.to(both)));
        try {
            TracexCommand.run(both, both, args);
        } finally {
            Logging.swap(before);
        }
        both.flush();
        return text.toString();
    }
}
