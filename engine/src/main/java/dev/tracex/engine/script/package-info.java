/**
 * JavaScript rules on GraalJS (polyglot, interpreter mode, sandboxed: no host access, statement and time limits):
 * loaded only when a rules file has a {@code js:} rule or is an {@code extractors.js}, so a function with YAML
 * rules alone never carries or loads GraalVM. Nothing here is called directly; a rule is written in the rules file:
 *
 * <pre>{@code
 * extractors:
 *   jaeger:
 *     js: |
 *       (payload) => ({ "x-datadog-trace-id": payload.meta.trace, "x-datadog-parent-id": payload.meta.span })
 * }</pre>
 */
package dev.tracex.engine.script;
