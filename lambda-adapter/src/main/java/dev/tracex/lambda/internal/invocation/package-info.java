/**
 * One invocation: the event's extraction as every entry point runs it, the hand-off opened around the handler
 * and undone after it, the handler loaded and called as the runtime would (its serializers, its handler
 * shapes), the Lambda context views the rules and the handler see, and context carried to other threads.
 * Internal: may change without notice.
 */
package dev.tracex.lambda.internal.invocation;
