/**
 * Batches: the records of an event and their identities, each record run with its own context current, and the
 * records matched to the invocation's extraction. Internal: may change without notice.
 */
package dev.tracex.lambda.internal.batch;
