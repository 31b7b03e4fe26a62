package dev.tracex.lambda.config;

import java.nio.file.Path;

/**
 * A located rules file: the name its errors print, its text, and the directory its examples'
 * {@code event_file:} paths are relative to ({@code null} on the class path).
 */
public record RulesFile(String name, String text, Path directory) {
}
