/**
 * SnapStart priming: with {@code org.crac} present, tracex's part of an invocation run before the snapshot, so a
 * restored function pays no first-run cost of tracex's. Internal: may change without notice.
 */
package dev.tracex.lambda.internal.snapstart;
