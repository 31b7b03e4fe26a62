package dev.tracex.cli;

/**
 * Rewrites the adapter's messages, which name the environment variable a function sets
 * ({@code DD_TRACE_EXTRACTOR=x: ...}), to name the option the user passed instead ({@code --extractor x: ...}).
 */
final class OptionNames {
    private OptionNames() {
    }

    /** {@code message} with a leading {@code VAR=value} or {@code VAR} replaced by {@code --option value} / {@code --option}. */
    static String asOption(String message, String variable, String option) {
        if (message.startsWith(variable + "=")) {
            return option + " " + message.substring(variable.length() + 1);
        }
        if (message.startsWith(variable + " ")) {
            return option + message.substring(variable.length());
        }
        return message;
    }
}
