/**
 * The compiled rule nodes (headers, fields, first-of, each, when, from-context, script), the extractor that
 * runs a rule on an event, and the rule log. Internal: may change without notice.
 */
package dev.tracex.engine.internal.rule;
