/**
 * The nodes the rules compiler reads: scalars, mappings and sequences with their positions, tags and styles, as
 * snakeyaml composes a YAML file ({@link dev.tracex.engine.internal.node.SnakeYamlNodes} converts its nodes) and as
 * a composed or precompiled form is read back without snakeyaml. Internal: may change without notice.
 */
package dev.tracex.engine.internal.node;
