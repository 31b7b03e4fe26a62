/**
 * The propagation formats tracex reads and writes: Datadog's {@code x-datadog-*} headers (64- and 128-bit,
 * {@code _dd.p.tid}), W3C {@code traceparent}/{@code tracestate} and baggage, B3 single and multi, and AWS X-Ray's
 * {@code X-Amzn-Trace-Id}. Each codec never throws: what it cannot read is no context. A rule's {@code styles:}
 * names the formats a carrier may use, in order ({@link dev.tracex.engine.propagation.PropagationStyle}).
 *
 * <pre>{@code
 * Optional<TraceContext> parent = PropagationStyle.extract(HeaderCarrier.of(headers), PropagationStyle.DEFAULTS);
 * Map<String, String> out = PropagationStyle.inject(parent.orElseThrow(),
 *         List.of(PropagationStyle.DATADOG, PropagationStyle.TRACECONTEXT));
 * }</pre>
 */
package dev.tracex.engine.propagation;
