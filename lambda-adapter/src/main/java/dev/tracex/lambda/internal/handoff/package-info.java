/**
 * The hand-off to each tracer, through the carrier it really reads: OpenTelemetry (the current context, baggage,
 * the invocation and record spans with an SDK handed to tracex), SLF4J's MDC, dd-trace-java and the Datadog
 * Lambda extension; the extraction's outcome on the span handed to and as metrics (OpenTelemetry, DogStatsD, EMF);
 * which optional libraries are present; the headers tracex writes. Each step never throws and
 * is undone by closing it. Internal: may change without notice.
 */
package dev.tracex.lambda.internal.handoff;
