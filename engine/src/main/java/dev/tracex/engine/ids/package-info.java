/**
 * Id helpers shared by the propagation codecs, {@code TraceContext}, the rules and the JS bridge: fixed-width
 * hex, strict decimal and hex id parsing, small integers. Public only so that those packages can share it;
 * not API, may change without notice.
 *
 * <pre>{@code
 * String hex = Hex.of64(traceIdLow);          // "00000000000004d2"
 * long id = Ids.decimal("1234");              // 0 when not an unsigned decimal id of 1 to 20 digits
 * }</pre>
 */
package dev.tracex.engine.ids;
