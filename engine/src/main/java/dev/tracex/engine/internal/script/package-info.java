/**
 * The JS rule SPI: a script's source, its compiled form, the support that compiles it, and the bridge that
 * loads the GraalJS implementation ({@code dev.tracex.engine.script}) reflectively on first use.
 * Internal: may change without notice.
 */
package dev.tracex.engine.internal.script;
