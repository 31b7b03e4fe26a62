package dev.tracex.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables and system properties tracex's code reads, found in its sources as they are
 * written in this repository:
 * <ul>
 *   <li>Java: {@code System.getenv(X)}, {@code env.get(X)} / {@code env.apply(X)} / {@code env.getOrDefault(X, ...)}
 *       (the code passes the environment around as a {@code Map} or function named {@code env}), and
 *       {@code System.getProperty(X)}, {@code properties.getProperty(X)} (system properties passed around as
 *       {@code Properties} named {@code properties}), {@code Long.getLong(X)}, {@code Integer.getInteger(X)},
 *       {@code Boolean.getBoolean(X)}; {@code X} a string literal or a {@code static final String} constant
 *       of the scanned sources;</li>
 *   <li>shell scripts: {@code $NAME} and {@code ${NAME...}} of upper-case names outside comments (the
 *       script's own variables are lower-case).</li>
 * </ul>
 * An argument that is an upper-case name no constant explains is reported, so a read through a constant the
 * scan cannot resolve is not silently missed. A read through a lower-case local variable is skipped: the
 * one there is ({@code Logging.levelProblem}) loops over names the same class reads by literal.
 */
final class ConfigurationReads {
    enum Kind {
        ENVIRONMENT("environment"), PROPERTY("system property");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One read: what is read, and the first place it is read ({@code path:line}). */
    record Read(String name, Kind kind, String where) {
    }

    private static final String ARGUMENT = "\\s*(\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_.]*)\\s*[,)]";
    private static final Pattern ENV_READ = Pattern.compile(
            "(?:System\\.getenv|\\benv\\.(?:get|apply|getOrDefault))\\(" + ARGUMENT);
    private static final Pattern PROPERTY_READ = Pattern.compile(
            "(?:System\\.getProperty|\\bproperties\\.getProperty|Long\\.getLong|Integer\\.getInteger|Boolean\\.getBoolean)\\("
                    + ARGUMENT);
    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$\\{?([A-Z_][A-Z0-9_]*)");

    private final Map<String, Read> reads = new TreeMap<>();
    private final List<String> unresolved = new ArrayList<>();

    private ConfigurationReads() {
    }

    /** Scans every {@code .java} file under {@code javaRoots} and each of {@code scripts}; paths in reports relative to {@code root}. */
    static ConfigurationReads scan(Path root, List<Path> javaRoots, List<Path> scripts) {
        ConfigurationReads r = new ConfigurationReads();
        Map<Path, String> sources = new TreeMap<>();
        for (Path dir : javaRoots) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.put(f, Files.readString(f));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> constants = new HashMap<>();
        sources.values().forEach(text -> constants.putAll(constantsIn(text)));
        sources.forEach((file, text) -> r.scanJava(root.relativize(file).toString(), text, constants));
        for (Path script : scripts) {
            try {
                r.scanShell(root.relativize(script).toString(), Files.readString(script));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return r;
    }

    /** Reads of one Java source (for tests): its own constants only. */
    static ConfigurationReads ofJava(String name, String text) {
        ConfigurationReads r = new ConfigurationReads();
        r.scanJava(name, text, constantsIn(text));
        return r;
    }

    /** Reads of one shell script (for tests). */
    static ConfigurationReads ofShell(String name, String text) {
        ConfigurationReads r = new ConfigurationReads();
        r.scanShell(name, text);
        return r;
    }

    Map<String, Read> reads() {
        return reads;
    }

    Set<String> names() {
        return reads.keySet();
    }

    /** Reads whose name the scan could not work out, as {@code path:line: argument}. */
    List<String> unresolved() {
        return unresolved;
    }

    private static Map<String, String> constantsIn(String text) {
        Map<String, String> out = new HashMap<>();
        Matcher m = CONSTANT.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    private void scanJava(String file, String text, Map<String, String> globalConstants) {
        Map<String, String> own = constantsIn(text);
        String code = withoutComments(text);
        for (Kind kind : Kind.values()) {
            Matcher m = (kind == Kind.ENVIRONMENT ? ENV_READ : PROPERTY_READ).matcher(code);
            while (m.find()) {
                String arg = m.group(1);
                String where = file + ":" + lineOf(code, m.start());
                String name;
                if (arg.startsWith("\"")) {
                    name = arg.substring(1, arg.length() - 1);
                } else {
                    String simple = arg.substring(arg.lastIndexOf('.') + 1);
                    name = own.getOrDefault(simple, globalConstants.get(simple));
                    if (name == null) {
                        if (Character.isUpperCase(simple.charAt(0))) {
                            unresolved.add(where + ": " + arg);
                        }
                        continue;
                    }
                }
                reads.putIfAbsent(name, new Read(name, kind, where));
            }
        }
    }

    private void scanShell(String file, String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("#")) {
                continue;
            }
            Matcher m = SHELL_VARIABLE.matcher(line);
            while (m.find()) {
                reads.putIfAbsent(m.group(1), new Read(m.group(1), Kind.ENVIRONMENT, file + ":" + (i + 1)));
            }
        }
    }

    /** {@code text} with comments blanked (newlines kept), so a read shown in Javadoc is not taken for one. */
    private static String withoutComments(String text) {
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        boolean inString = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    b.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                i++;
            } else if (c == '"') {
                inString = true;
                b.append(c);
                i++;
            } else if (c == '\'') {
                // A char literal, '"' among them, copied whole so its quote does not open a string.
                int from = i + 1 < text.length() && text.charAt(i + 1) == '\\' ? i + 3 : i + 2;
                int close = from < text.length() ? text.indexOf('\'', from) : -1;
                int end = close < 0 ? text.length() : close + 1;
                b.append(text, i, end);
                i = end;
            } else if (text.startsWith("//", i)) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        b.append('\n');
                    }
                }
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
