/**
 * What a function uses: the wrapper handler ({@link dev.tracex.lambda.TracingHandler}), the base classes
 * ({@link dev.tracex.lambda.TracingRequestHandler}, {@link dev.tracex.lambda.TracingRequestStreamHandler}),
 * {@link dev.tracex.lambda.TracexLambda} (extract, wrap, the invocation's context), batches
 * ({@link dev.tracex.lambda.TracexBatch}, {@link dev.tracex.lambda.RecordHandler}), the scopes they open,
 * context carried to other threads ({@link dev.tracex.lambda.TracexContext}), headers to send on
 * ({@link dev.tracex.lambda.TraceHeaders}, {@link dev.tracex.lambda.AwsSdkTraceHeaders}) and an OpenTelemetry
 * SDK handed to tracex ({@link dev.tracex.lambda.TracexOpenTelemetry}). The packages under
 * {@code dev.tracex.lambda.internal} do the work and may change without notice; none depends on this one.
 *
 * <pre>{@code
 * // No code: Handler: dev.tracex.lambda.TracingHandler::handleRequest, DD_LAMBDA_HANDLER: your handler.
 * // In code:
 * public class Orders extends TracingRequestHandler<SQSEvent, String> {
 *     protected String handle(SQSEvent event, Context context) {
 *         TracexLambda.current().ifPresent(parent -> log.info("trace {}", parent.traceId()));
 *         return "ok";
 *     }
 * }
 * }</pre>
 */
package dev.tracex.lambda;
