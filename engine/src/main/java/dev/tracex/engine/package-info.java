/**
 * tracex's engine: a rules file compiled once into {@link dev.tracex.engine.Extractor}s that find the trace
 * context in an event. {@link dev.tracex.engine.Extractors} loads and compiles (every problem of a file reported at
 * once, as {@link dev.tracex.engine.RuleCompilationException}); an extractor's {@code extract} runs per event and
 * never throws; {@link dev.tracex.engine.Extraction} holds the parent {@link dev.tracex.engine.TraceContext} and a
 * batch's per-record contexts. No Lambda types: the Lambda adapter ({@code dev.tracex.lambda}) is built on this.
 *
 * <pre>{@code
 * Extractor sqs = Extractors.load(Path.of("extractors.yaml")).extractor("sqs");   // at cold start
 * Extraction found = sqs.extract(eventBytes);                                      // per event
 * found.parent().ifPresent(parent -> span.setParent(parent.traceparent()));
 * }</pre>
 */
package dev.tracex.engine;
