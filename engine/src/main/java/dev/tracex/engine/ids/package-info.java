/**
 * Id helpers shared by the propagation codecs, {@code TraceContext}, the rules and the JS bridge: fixed-width
 * hex, strict decimal and hex id parsing, small integers. Public only so that those packages can share it;
 * not API, may change without notice.
 */
package dev.tracex.engine.ids;
