package dev.tracex.benchmarks.charts;

/** Results that cannot be charted: a file missing or unreadable, or a case a chart needs not in it. */
final class ResultsException extends RuntimeException {
    ResultsException(String message) {
        super(message);
    }
}
