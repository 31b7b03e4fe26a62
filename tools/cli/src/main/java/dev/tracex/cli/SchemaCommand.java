package dev.tracex.cli;

import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** {@code tracex schema}: prints the JSON Schema of the rules file, for editors (the YAML language server). */
@Command(name = "schema", description = "Print the JSON Schema of the rules file, for editors: "
        + "tracex schema > tracex-rules.schema.json, then # yaml-language-server: $schema=tracex-rules.schema.json at the top of the rules file.")
final class SchemaCommand implements Callable<Integer> {
    static final String RESOURCE = "/dev/tracex/engine/tracex-rules.schema.json";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: a broken build");
            }
            spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
