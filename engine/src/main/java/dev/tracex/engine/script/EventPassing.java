package dev.tracex.engine.script;

/**
 * How an event reaches a JS function. Measured by {@code JsEventPassingBenchmark}; {@link #PROXY} is
 * the default (see docs/performance.md for the numbers). Internal: may change without notice.
 */
public enum EventPassing {
    /** Read-through proxies over the Jackson tree: only what the script reads is converted. */
    PROXY,
    /** The event serialised to JSON text and {@code JSON.parse}d in JS: plain JS objects, the whole event every call. */
    JSON_TEXT,
    /** The event deep-copied into maps and lists behind {@code ProxyObject.fromMap}/{@code ProxyArray.fromList}. */
    CONVERTED
}
