/**
 * tracex's own log lines, as a small SPI for the modules beside the engine: one line (one log event) per
 * record, naming the rule and the reason, never an event's content. Where they go and from which level is
 * decided once, from the environment ({@link dev.tracex.engine.logging.Logging}): the function's SLF4J
 * provider, else a {@link dev.tracex.engine.logging.LogOutput} service (the Lambda adapter's runtime log
 * stream), else standard error. The adapter and the command line log through a
 * {@link dev.tracex.engine.logging.TracexLogger}; the command line's {@code --verbose} and tests replace the
 * setup ({@link dev.tracex.engine.logging.Logging#swap}). Not for functions: they configure their logging
 * provider, or {@code DD_LOG_LEVEL}.
 *
 * <pre>{@code
 * private static final TracexLogger LOG = TracexLogger.named("dev.tracex.lambda");
 * Logging.swap(new Logging.Setup(LogLevel.DEBUG, StreamOutput.to(err)));   // the command line's --verbose
 * if (LOG.debugging()) { LOG.debug("rule \"sqs\": no context at $.Records[0].body: not JSON"); }
 * }</pre>
 */
package dev.tracex.engine.logging;
