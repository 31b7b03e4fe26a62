package dev.tracex.cli;

import dev.tracex.engine.logging.LogLevel;
import dev.tracex.engine.logging.Logging;
import dev.tracex.engine.logging.StreamOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code tracex}: extract a context from an event file, check rules files, run their examples.
 * Exit status: 0 success, 1 no context / failed examples, 2 usage or configuration error.
 */
@Command(name = "tracex", mixinStandardHelpOptions = true, versionProvider = TracexVersion.class,
        // INHERIT: every subcommand gets --help/-h and --version too, so `tracex extract --help` prints the
        // usage and exits 0 instead of failing on the missing EVENT.
        scope = CommandLine.ScopeType.INHERIT,
        description = "Trace-context extractors for AWS Lambda: extract, check and test rules files; suggest rules for an event, "
                + "measure a rule's coverage of captured events; invoke a handler locally.",
        subcommands = {ExtractCommand.class, ExplainCommand.class, CheckCommand.class, TestCommand.class, CompileCommand.class, SuggestCommand.class, CoverageCommand.class, InvokeCommand.class, SchemaCommand.class,
                PlaygroundCommand.class,
                CommandLine.HelpCommand.class})
public final class TracexCommand implements Runnable {
    static final int FOUND = 0;
    static final int NOT_FOUND = 1;
    static final int CONFIG_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print tracex's debug lines on stderr (why a rule found nothing).")
    boolean verbose;

    public static void main(String[] args) {
        // Jayway JsonPath logs through SLF4J; with no binding, SLF4J's notice about that would be the
        // first thing every command prints.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args));
    }

    /** Runs the command line on the standard streams and returns the exit status. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line, printing to {@code out} and {@code err}, and returns the exit status. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return run(out, err, CommandLine.defaultFactory(), args);
    }

    /**
     * As {@link #run(java.io.PrintWriter, java.io.PrintWriter, String...)}, the commands reading {@code env} instead
     * of the process's environment: tests cannot set variables in their own JVM.
     */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, java.util.Map<String, String> env, String... args) {
        return run(out, err, env, new java.util.Properties(), args);
    }

    /** As {@link #run(java.io.PrintWriter, java.io.PrintWriter, java.util.Map, String...)}, with {@code properties} as the system properties. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, java.util.Map<String, String> env,
                   java.util.Properties properties, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return run(out, err, new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                return cls == ExtractorOptions.class ? (K) new ExtractorOptions(env, properties) : defaults.create(cls);
            }
        }, args);
    }

    private static int run(java.io.PrintWriter out, java.io.PrintWriter err, CommandLine.IFactory factory, String... args) {
        CommandLine cl = new CommandLine(new TracexCommand(), factory);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> CONFIG_ERROR);
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return CONFIG_ERROR;
        });
        cl.setExecutionStrategy(parsed -> {
            if (!verbose(parsed)) {
                return new CommandLine.RunLast().execute(parsed);
            }
            Logging.Setup before = Logging.swap(new Logging.Setup(LogLevel.DEBUG, StreamOutput.to(err)));
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                Logging.swap(before);
            }
        });
        return cl.execute(args);
    }

    /** {@code -v} anywhere on the command line (it is inherited by every subcommand). */
    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** A rules file loaded for {@code check} or {@code test}, or {@code null} after printing why not to {@code err}. */
    static dev.tracex.engine.Extractors load(java.nio.file.Path file, java.io.PrintWriter err) {
        try {
            return dev.tracex.engine.Extractors.load(file);
        } catch (dev.tracex.engine.RuleCompilationException e) {
            err.println(e.getMessage());
        } catch (java.io.IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    /** {@code 1 rule}, {@code 2 rules}. */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: extract, explain, check, test, compile, suggest, coverage, invoke, schema, playground or help");
    }
}
