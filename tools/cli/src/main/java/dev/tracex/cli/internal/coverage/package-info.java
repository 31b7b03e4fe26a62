/**
 * {@code tracex coverage}: one rule run over many captured events (files, directories, newline-delimited JSON),
 * tallied: how many got a context, which rule answered how often, and the misses grouped by why (the first stage that
 * failed in each rule, as {@code tracex explain} says it), each group with an example event. {@link CoverageRun} is
 * the entry point. Internal to the command line: may change in any release.
 */
package dev.tracex.cli.internal.coverage;
