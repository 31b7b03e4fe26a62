/**
 * tracex's own log lines: one line (one log event) per record, naming the rule and the reason, never an
 * event's content. Where they go and at which level is decided once, from the environment
 * ({@link dev.tracex.engine.internal.logging.Logging}); internal: may change without notice.
 */
package dev.tracex.engine.internal.logging;
