/**
 * The function's extractor, resolved from the environment once, at cold start, and held for every invocation:
 * lenient (a configuration problem is one warning and {@code builtin.default}) or strict (it fails the init).
 * Registers SnapStart priming for it. Internal: may change without notice.
 */
package dev.tracex.lambda.internal.coldstart;
