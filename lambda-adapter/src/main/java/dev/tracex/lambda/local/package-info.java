/**
 * Running a handler outside Lambda: a Lambda {@code Context} for {@code tracex invoke}, unit tests and SnapStart
 * priming ({@link dev.tracex.lambda.local.LocalContext}).
 *
 * <pre>{@code
 * Context context = LocalContext.of("orders");
 * String result = new OrdersHandler().handleRequest(event, context);
 * }</pre>
 */
package dev.tracex.lambda.local;
