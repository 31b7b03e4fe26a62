/**
 * The adapter's log lines ({@code dev.tracex.lambda}) and the Lambda runtime's log stream as an output for
 * every tracex line when the function has no SLF4J provider. Internal: may change without notice.
 */
package dev.tracex.lambda.internal.logging;
