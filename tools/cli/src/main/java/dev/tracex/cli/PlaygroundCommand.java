package dev.tracex.cli;

import dev.tracex.lambda.config.ExtractorLocator;
import dev.tracex.lambda.config.ExtractorSelection;
import dev.tracex.lambda.config.RulesFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tracex playground}: a page on 127.0.0.1 to write rules against an event and see, as one types, the
 * compile errors at their line, the context {@code extract} prints, the {@code explain} trace and the file's
 * examples; started on a rules file, it saves it back. Runs until interrupted.
 */
@Command(name = "playground", description = "Serve a page on 127.0.0.1 to write rules against events: errors at their line as you "
        + "type, the context, the explain trace and the examples; started on a rules file (--extractor), it saves it back.")
final class PlaygroundCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--extractor", paramLabel = "<file>.<name>",
            description = "The rules file to edit and its rule to run, as DD_TRACE_EXTRACTOR would name it (default: a new file, not saved, running builtin.default).")
    String extractor;

    @Option(names = "--path", paramLabel = "DIR", description = "A directory to look for the rules file in (repeatable), searched before LAMBDA_TASK_ROOT and the working directory.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--port", paramLabel = "N", description = "The port on 127.0.0.1 (default: 0, any free port).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Playground playground = open(err);
        if (playground == null) {
            return TracexCommand.CONFIG_ERROR;
        }
        PlaygroundServer server;
        try {
            server = PlaygroundServer.start(playground, port);
        } catch (IOException e) {
            err.println("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return TracexCommand.CONFIG_ERROR;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "tracex-playground-stop"));
        out.println(server.url());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The playground on the selected file, or on a starter file; {@code null} after reporting why not. */
    private Playground open(PrintWriter err) {
        if (extractor == null || extractor.isBlank()) {
            return new Playground(null, starter(), "builtin.default");
        }
        ExtractorSelection sel;
        try {
            sel = ExtractorSelection.parse(extractor.trim());
        } catch (IllegalArgumentException e) {
            err.println(OptionNames.asOption(e.getMessage(), "DD_TRACE_EXTRACTOR", "--extractor"));
            return null;
        }
        if (sel.isBuiltin()) {
            return new Playground(null, starter(), extractor.trim());
        }
        ExtractorLocator locator = ExtractorLocator.fromEnvironment(System.getenv(), paths, null);
        Optional<RulesFile> found;
        try {
            found = locator.locate(sel);
        } catch (UncheckedIOException e) {
            err.println("--extractor " + extractor + ": " + e.getMessage());
            return null;
        }
        if (found.isEmpty()) {
            err.println("--extractor " + extractor + ": no rules file " + locator.describeSearch(sel));
            return null;
        }
        return new Playground(Path.of(found.get().name()), found.get().text(), sel.rule());
    }

    private static String starter() {
        try (InputStream in = PlaygroundCommand.class.getResourceAsStream("/dev/tracex/cli/playground/starter.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
