/**
 * tracex's Maven plugin: the goals {@code check} ({@link dev.tracex.maven.CheckMojo}, every rule of the project's
 * rules file compiled, every problem reported as {@code file:line:column: rule "x": ...}) and {@code test}
 * ({@link dev.tracex.maven.TestMojo}, every rule's {@code examples:} run), which fail the build as
 * {@code tracex check} and {@code tracex test} fail a shell, so a broken rule is found by {@code mvn package}, not
 * at the function's cold start. Built on the engine's public API only; no dependency on the command line.
 */
package dev.tracex.maven;
