package dev.tracex.engine.internal.json;

import java.util.ArrayList;
import java.util.List;

/**
 * What a non-definite path ({@link SimplePath}, {@link JaywayPath}) reads of a document, marked from the path's
 * text alone: a class of its own so that projecting a rule never loads Jayway. Internal: may change without notice.
 */
final class PathProjection {
    private PathProjection() {
    }

    /**
     * The definite prefix of the path is followed; below it the value is kept whole, except that
     * trailing wildcards ({@code $.Records[*]}, {@code $.records.*.*}) project each child, so an {@code each:} rule keeps only
     * what its body reads of every record. A filter that reads the root ({@code $} inside) keeps everything.
     */
    static Projection of(String expression, Projection root) {
        if (expression.indexOf('$', 1) >= 0) {
            root.keepWhole();
            return new Projection();
        }
        PathCompiler.Prefix prefix = PathCompiler.definitePrefix(expression);
        Projection at = root.at(prefix.segments());
        String rest = prefix.rest();
        if (!rest.isEmpty() && rest.replace("[*]", "").replace(".*", "").isEmpty()) {
            Projection p = at;
            for (int i = 0; i < rest.length(); i += rest.startsWith("[*]", i) ? 3 : 2) {
                p = p.anyChild(); // $.records.*.*: each child's children
            }
            return p;
        }
        List<String> names = propertyNames(rest);
        if (names != null) {
            // ['a','b'] answers with an object of just those fields: the rest of the value is never read.
            names.forEach(n -> at.field(n).keepWhole());
            return new Projection();
        }
        at.keepWhole();
        return new Projection(); // below a whole value, further marks change nothing
    }

    /** The names of a multi-property bracket ({@code ['a','b']}, quoted names only), or {@code null} for anything else. */
    static List<String> propertyNames(String rest) {
        if (rest.length() < 2 || rest.charAt(0) != '[' || rest.charAt(rest.length() - 1) != ']') {
            return null;
        }
        List<String> names = new ArrayList<>();
        int i = 1;
        int end = rest.length() - 1;
        while (true) {
            while (i < end && rest.charAt(i) == ' ') {
                i++;
            }
            if (i >= end || (rest.charAt(i) != '\'' && rest.charAt(i) != '"')) {
                return null;
            }
            char quote = rest.charAt(i++);
            StringBuilder name = new StringBuilder();
            while (i < end && rest.charAt(i) != quote) {
                if (rest.charAt(i) == '\\' && i + 1 < end) {
                    i++;
                }
                name.append(rest.charAt(i++));
            }
            if (i >= end) {
                return null;
            }
            names.add(name.toString());
            i++;
            while (i < end && rest.charAt(i) == ' ') {
                i++;
            }
            if (i == end) {
                return names;
            }
            if (rest.charAt(i++) != ',') {
                return null;
            }
        }
    }
}
