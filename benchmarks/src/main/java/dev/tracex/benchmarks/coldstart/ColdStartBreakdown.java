package dev.tracex.benchmarks.coldstart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import dev.tracex.engine.Extractor;
import dev.tracex.engine.Extractors;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a YAML rule's cold start goes, piece by piece in one fresh JVM, each piece timed as the first to
 * load its classes: Jackson's first mapper and parse, snakeyaml, Jayway, the built-in rules, the rules
 * file, the selection, the first extraction. Run by {@code benchmarks/cold-start.sh}.
 *
 * <pre>{@code
 * java -XX:TieredStopAtLevel=1 -cp function:function/lib/* dev.tracex.benchmarks.coldstart.ColdStartBreakdown extractors.yaml orders_sqs event.json
 * }</pre>
 */
public final class ColdStartBreakdown {
    private static long last = System.nanoTime();

    private ColdStartBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        lap("JVM to main (not timed here)");
        new ObjectMapper().readTree("{\"a\": 1}");
        lap("Jackson: first ObjectMapper and readTree");
        new org.yaml.snakeyaml.Yaml().compose(new StringReader("a: 1"));
        lap("snakeyaml: first document");
        JsonPath.compile("$.a[?(@.b == 'c')]");
        lap("Jayway: first compiled filter");
        Extractors builtins = Extractors.builtins();
        lap("tracex: built-in rules compiled");
        Extractors file = Extractors.load(Path.of(args[0]));
        lap("tracex: the rules file compiled");
        Extractor selected = Extractors.firstOf(file.extractor(args[1]), builtins.extractor("default"));
        lap("tracex: rule selected, builtin.default behind it");
        if (selected.extract(Files.readAllBytes(Path.of(args[2]))).parent().isEmpty()) {
            throw new IllegalStateException("no context");
        }
        lap("tracex: first extraction");
    }

    private static void lap(String what) {
        long now = System.nanoTime();
        System.out.printf("%-50s %6.1f ms%n", what, (now - last) / 1e6);
        last = now;
    }
}
