package dev.tracex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the {@code tracex} command line, with what it printed. */
record CommandRun(int exit, String out, String err) {
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TracexCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** As {@link #of}, the commands reading {@code env} as their environment. */
    static CommandRun withEnvironment(java.util.Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TracexCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** As {@link #withEnvironment}, the commands reading {@code properties} as their system properties too. */
    static CommandRun withSettings(java.util.Map<String, String> env, java.util.Properties properties, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TracexCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), env, properties, args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
