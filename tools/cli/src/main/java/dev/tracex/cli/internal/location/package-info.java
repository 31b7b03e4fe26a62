/**
 * Places in an event: the JSONPath of a value, written as a rule reads it ({@link EventPath}), and the value under
 * a character offset of the event's text ({@link PathAtOffset}, what the playground shows when a value is clicked).
 * Internal to the command line: may change in any release.
 */
package dev.tracex.cli.internal.location;
