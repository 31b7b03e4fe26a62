/**
 * What a function uses: the wrapper handler ({@link dev.tracex.lambda.TracingHandler}), the base classes
 * ({@link dev.tracex.lambda.TracingRequestHandler}, {@link dev.tracex.lambda.TracingRequestStreamHandler}),
 * {@link dev.tracex.lambda.TracexLambda} (extract, wrap, the invocation's context), batches
 * ({@link dev.tracex.lambda.TracexBatch}, {@link dev.tracex.lambda.RecordHandler}), the scopes they open,
 * context carried to other threads ({@link dev.tracex.lambda.TracexContext}), headers to send on
 * ({@link dev.tracex.lambda.TraceHeaders}, {@link dev.tracex.lambda.AwsSdkTraceHeaders}) and an OpenTelemetry
 * SDK handed to tracex ({@link dev.tracex.lambda.TracexOpenTelemetry}). The packages under
 * {@code dev.tracex.lambda.internal} do the work and may change without notice; none depends on this one.
 */
package dev.tracex.lambda;
