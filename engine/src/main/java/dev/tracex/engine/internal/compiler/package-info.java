/**
 * The rules-file compiler: YAML (with line and column marks) to compiled rules, rule examples and their
 * runner, the built-in rules library, and JS module files. Internal: may change without notice.
 */
package dev.tracex.engine.internal.compiler;
