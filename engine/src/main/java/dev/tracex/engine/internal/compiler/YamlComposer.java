package dev.tracex.engine.internal.compiler;

import dev.tracex.engine.internal.node.Node;
import dev.tracex.engine.internal.node.SnakeYamlNodes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.StringReader;

/**
 * A rules file's text composed by snakeyaml into tracex's nodes, and snakeyaml's errors said as the compiler says
 * its own ({@link YamlSyntax}). The compiler's only way into snakeyaml: a composed or precompiled form is compiled
 * by classes that never name it, so loading one loads none of snakeyaml's classes.
 */
final class YamlComposer {
    private YamlComposer() {
    }

    /** Text that is not YAML: where (from 1) and why, in tracex's words. */
    static final class InvalidYaml extends RuntimeException {
        final int line;
        final int column;

        InvalidYaml(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /**
     * The composed node tree of {@code text} ({@code null} for an empty document), with snakeyaml settings that
     * bound what a hostile file can cost: size, aliases, nesting, duplicate keys. Composed by snakeyaml's parser and
     * composer alone, as {@code Yaml.compose} does, without the {@code Yaml} facade, whose object constructor and
     * representer this compiler never uses (some 40 classes at cold start).
     *
     * @throws InvalidYaml when snakeyaml cannot compose it
     */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(RuleFileCompiler.MAX_FILE_CODE_POINTS);
        options.setMaxAliasesForCollections(RuleFileCompiler.MAX_ALIASES);
        options.setNestingDepthLimit(RuleFileCompiler.MAX_NESTING);
        options.setAllowDuplicateKeys(true); // reported by this compiler, with both positions' context
        options.setAllowRecursiveKeys(false);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new InvalidYaml(m == null ? 1 : m.getLine() + 1, m == null ? 1 : m.getColumn() + 1,
                    YamlSyntax.plainWords(e, text));
        } catch (YAMLException e) {
            throw new InvalidYaml(1, 1, firstLine(e.getMessage()));
        }
        return SnakeYamlNodes.convert(root);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
