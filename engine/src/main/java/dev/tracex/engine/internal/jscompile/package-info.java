/**
 * JS extractors compiled without a JavaScript engine: a small parser of the subset real extractors use
 * (bindings, property reads, {@code ||}, {@code ??}, ternaries, guards, {@code parseInt}, {@code JSON.parse},
 * base64 decoding ({@code Buffer.from(x, 'base64').toString()}, {@code atob}), template literals, results in the Datadog libraries' shapes) and the nodes it compiles to, which evaluate over
 * the event's Jackson tree with JavaScript's semantics. A snippet with anything else runs on GraalJS as before.
 * Internal: may change without notice.
 */
package dev.tracex.engine.internal.jscompile;
