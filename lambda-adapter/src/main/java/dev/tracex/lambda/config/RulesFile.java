package dev.tracex.lambda.config;

import java.nio.file.Path;

/**
 * A located rules file: the name its errors print, its text, the directory its examples'
 * {@code event_file:} paths are relative to ({@code null} on the class path), and its precompiled form when one
 * lies beside it ({@code <file>.tracex}, see {@link dev.tracex.engine.PrecompiledRules}), else {@code null}.
 */
public record RulesFile(String name, String text, Path directory, byte[] precompiled) {
    /** A rules file without a precompiled form. */
    public RulesFile(String name, String text, Path directory) {
        this(name, text, directory, null);
    }
}
