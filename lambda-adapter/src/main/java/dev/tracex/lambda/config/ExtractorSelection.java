package dev.tracex.lambda.config;

import java.util.Objects;

/**
 * A parsed {@code DD_TRACE_EXTRACTOR} value, {@code <file>.<name>} split on the last dot:
 * {@code extractors.json} is rule {@code json} of {@code extractors.yaml}, {@code .yml} or {@code .js};
 * {@code config/extractors.sqs} reads {@code config/extractors.yaml}; {@code builtin.sqs} is a built-in.
 *
 * @param file the file's path without extension, relative to the search directories
 * @param rule the rule's name in that file
 */
public record ExtractorSelection(String file, String rule) {
    public ExtractorSelection {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
    }

    /** The file name standing for the built-in rules. */
    public static final String BUILTIN = "builtin";

    /**
     * Parses {@code value}.
     *
     * @throws IllegalArgumentException when it is not {@code <file>.<name>}, or the file part climbs out
     *                                  of the search directories with {@code ..} or is absolute
     */
    public static ExtractorSelection parse(String value) {
        String v = Objects.requireNonNull(value, "value").trim();
        int dot = v.lastIndexOf('.');
        if (dot <= 0 || dot == v.length() - 1) {
            throw new IllegalArgumentException("DD_TRACE_EXTRACTOR must be <file>.<name>, e.g. extractors.json; got \"" + v + "\"");
        }
        String file = v.substring(0, dot);
        String rule = v.substring(dot + 1);
        if (file.startsWith("/") || file.equals("..") || file.startsWith("../") || file.contains("/../") || file.endsWith("/..")) {
            throw new IllegalArgumentException("DD_TRACE_EXTRACTOR file must be relative to the search directories, without ..; got \"" + v + "\"");
        }
        return new ExtractorSelection(file, rule);
    }

    /** True for {@code builtin.<name>}. */
    public boolean isBuiltin() {
        return file.equals(BUILTIN);
    }

    @Override
    public String toString() {
        return file + "." + rule;
    }
}
