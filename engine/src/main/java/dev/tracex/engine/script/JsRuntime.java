package dev.tracex.engine.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracex.engine.internal.json.Json;
import dev.tracex.engine.internal.script.JsBase64;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.util.Map;

/**
 * One sandboxed JS context with a snippet's (or a module's) functions evaluated in it. Single-threaded:
 * a {@link ScriptPool} lends it to one call at a time. {@link #cancel()} may be called from any thread.
 */
final class JsRuntime {
    /**
     * Runs once per context, before the user's code. Calls go through {@code call} so that a function
     * returning a Promise (an {@code async} extractor) is awaited: promise jobs run when the call
     * returns to Java, then {@code settled} hands over the value.
     */
    static final Source HARNESS = Source.newBuilder("js", ""
            + "(function () {\n"
            + "  const PENDING = Object.freeze({});\n"
            + "  let box;\n"
            + "  function settle(r) {\n"
            + "    if (r !== null && typeof r === 'object' && typeof r.then === 'function') {\n"
            + "      const b = box = { state: 0 };\n"
            + "      r.then(v => { b.state = 1; b.value = v; }, e => { b.state = 2; b.value = e; });\n"
            + "      return PENDING;\n"
            + "    }\n"
            + "    return r;\n"
            + "  }\n"
            + "  globalThis.require = function require(name) {\n"
            + "    throw new Error('require(\"' + name + '\") is not available: tracex JS extractors have no modules');\n"
            + "  };\n"
            + "  return {\n"
            + "    PENDING,\n"
            + "    call(f, event, context) { return settle(f(event, context == null ? {} : context)); },\n"
            + "    callText(f, event, context) {\n"
            + "      return settle(f(JSON.parse(event), context == null ? {} : JSON.parse(context)));\n"
            + "    },\n"
            + "    settled() {\n"
            + "      const b = box;\n"
            + "      box = undefined;\n"
            + "      if (b === undefined || b.state === 0) return PENDING;\n"
            + "      if (b.state === 2) throw b.value;\n"
            + "      return b.value;\n"
            + "    },\n"
            + "    prime(e) {\n"
            + "      const d = e.a;\n"
            + "      return { traceID: d['x-datadog-trace-id'], parentID: String(d.n), sampleMode: parseInt(d.p, 10),\n"
            + "               list: e.list.map(x => x).length, parsed: JSON.parse('{}'), keys: Object.keys(d) };\n"
            + "    },\n"
            + "    beginModule() {\n"
            + "      globalThis.module = { exports: {} };\n"
            + "      globalThis.exports = globalThis.module.exports;\n"
            + "      return new Set(Object.getOwnPropertyNames(globalThis));\n"
            + "    },\n"
            + "    exportsOf(before) {\n"
            + "      const out = {};\n"
            + "      const m = globalThis.module.exports;\n"
            + "      if (m !== null && (typeof m === 'object' || typeof m === 'function')) {\n"
            + "        for (const k of Object.keys(m)) if (typeof m[k] === 'function') out[k] = m[k];\n"
            + "      }\n"
            + "      if (Object.keys(out).length === 0) {\n"
            + "        for (const k of Object.getOwnPropertyNames(globalThis)) {\n"
            + "          if (!before.has(k) && typeof globalThis[k] === 'function') out[k] = globalThis[k];\n"
            + "        }\n"
            + "      }\n"
            + "      return out;\n"
            + "    }\n"
            + "  };\n"
            + "})()\n", "tracex-harness.js").buildLiteral();

    /** Loaded only where code names {@code Buffer} or {@code atob} ({@link #usesBase64}). */
    private static final class Base64Harness {
        /**
         * Node's {@code Buffer.from(s, 'base64')} and {@code atob}, the decoding done by {@link JsBase64} (host code, so
         * that a large value costs no statements of the limit): the same answers as Node and as the compiled subset.
         * Installed only in the contexts of code that names {@code Buffer} or {@code atob}: defining the class and
         * binding a host function cost every GraalJS cold start some 100 to 170 ms (fresh JVMs, 2026-12-06), which rules
         * that do not decode would pay for nothing.
         */
        static final Source BASE64 = Source.newBuilder("js", ""
                + "(function (decode) {\n"
                + "  const TOKEN = {};\n"
                + "  const describe = v => v === null ? 'null' : typeof v === 'object' ? 'an instance of ' + (Array.isArray(v) ? 'Array' : 'Object')\n"
                + "      : 'type ' + typeof v;\n"
                + "  class Buffer {\n"
                + "    #bytes;\n"
                + "    constructor(token, bytes) {\n"
                + "      if (token !== TOKEN) throw new TypeError('tracex has Buffer.from(text, \\'base64\\') only');\n"
                + "      this.#bytes = bytes;\n"
                + "    }\n"
                + "    static from(value, encoding) {\n"
                + "      if (typeof value !== 'string') {\n"
                + "        throw new TypeError('The first argument must be of type string or an instance of Buffer, ArrayBuffer, or '\n"
                + "            + 'Array or an Array-like Object. Received ' + describe(value) + ' (tracex: a string only)');\n"
                + "      }\n"
                + "      const e = typeof encoding === 'string' ? encoding.toLowerCase() : encoding;\n"
                + "      if (e !== 'base64' && e !== 'base64url') {\n"
                + "        throw new TypeError('tracex has Buffer.from(text, \\'base64\\') only, not encoding ' + String(encoding));\n"
                + "      }\n"
                + "      return new Buffer(TOKEN, decode('base64', value));\n"
                + "    }\n"
                + "    get length() { return this.#bytes.length; }\n"
                + "    toString(encoding) {\n"
                + "      if (arguments.length > 1) throw new TypeError('tracex has Buffer.prototype.toString(encoding) only, without start and end');\n"
                + "      const text = decode('text', this.#bytes, encoding === undefined ? 'utf8' : String(encoding));\n"
                + "      if (text !== null) return text;\n"
                + "      throw new TypeError('tracex has Buffer.prototype.toString for utf8, latin1, ascii and hex only, not ' + String(encoding));\n"
                + "    }\n"
                + "  }\n"
                + "  Object.defineProperty(globalThis, 'Buffer', { value: Buffer, writable: true, configurable: true });\n"
                + "  Object.defineProperty(globalThis, 'atob', { writable: true, configurable: true, value: function atob(input) {\n"
                + "    if (arguments.length === 0) throw new TypeError('The \"input\" argument must be specified');\n"
                + "    const s = `${input}`;\n"
                + "    const bytes = decode('atob', s);\n"
                + "    if (bytes !== null) return bytes;\n"
                + "    const e = new Error(decode('atobError', s));\n"
                + "    e.name = 'InvalidCharacterError';\n"
                + "    throw e;\n"
                + "  }});\n"
                + "})\n", "tracex-base64.js").buildLiteral();

        /** The harness's {@code decode(kind, text)}: {@link JsBase64} for its Buffer and atob. Stateless. */
        static final ProxyExecutable DECODE = args -> {
            String kind = args[0].asString();
            String text = args[1].asString();
            switch (kind) {
                case "base64": return JsBase64.buffer(text);
                case "atob": return JsBase64.atob(text);
                case "atobError": return JsBase64.atobError(text);
                default: return JsBase64.text(text, args[2].asString());
            }
        };

        private Base64Harness() {
        }
    }

    final Context context;
    private final Value pending;
    private final Value call;
    private final Value callText;
    private final Value settled;
    private final Value beginModule;
    private final Value exportsOf;
    private final Value prime;
    private Map<String, Value> functions = Map.of();
    private volatile boolean cancelled;

    JsRuntime(Context context, String code) {
        this.context = context;
        Value h = context.eval(HARNESS);
        if (usesBase64(code)) {
            context.eval(Base64Harness.BASE64).execute(Base64Harness.DECODE);
        }
        this.pending = h.getMember("PENDING");
        this.call = h.getMember("call");
        this.callText = h.getMember("callText");
        this.settled = h.getMember("settled");
        this.beginModule = h.getMember("beginModule");
        this.exportsOf = h.getMember("exportsOf");
        this.prime = h.getMember("prime");
    }

    /** Whether {@code code} may call {@code Buffer} or {@code atob} (by name: a mention in a comment counts too). */
    static boolean usesBase64(String code) {
        return code.contains("Buffer") || code.contains("atob");
    }

    Value beginModule() {
        return beginModule.execute();
    }

    Value exportsOf(Value before) {
        return exportsOf.execute(before);
    }

    void functions(Map<String, Value> functions) {
        this.functions = functions;
    }

    Map<String, Value> functions() {
        return functions;
    }

    /** Calls function {@code name} with the event and Lambda context passed as {@code passing} says. */
    Value call(String name, JsonNode event, JsonNode lambdaContext, EventPassing passing) {
        Value f = functions.get(name);
        Value r;
        switch (passing) {
            case JSON_TEXT:
                r = callText.execute(f, text(event), lambdaContext == null ? null : text(lambdaContext));
                break;
            case CONVERTED:
                r = call.execute(f, JsonProxies.converted(event), JsonProxies.converted(lambdaContext));
                break;
            default:
                r = call.execute(f, JsonProxies.of(event), JsonProxies.of(lambdaContext));
                break;
        }
        return r.equals(pending) ? settled.execute() : r;
    }

    /** Runs the call path (proxies, interop, result reading) on a built-in sample, to load its classes at compile time. */
    Value prime(JsonNode sample) {
        return prime.execute(JsonProxies.of(sample));
    }

    boolean isPending(Value v) {
        return v.equals(pending);
    }

    private static String text(JsonNode n) {
        try {
            return Json.mapper().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a parsed tree always serialises
        }
    }

    /** The watchdog's action: stops whatever runs and makes the context unusable. */
    void cancel() {
        cancelled = true;
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException e) {
            // Already closed: nothing left to stop.
        }
    }

    boolean cancelled() {
        return cancelled;
    }

    void close() {
        try {
            context.close(true);
        } catch (PolyglotException | IllegalStateException e) {
            // Closing a context that was cancelled or hit a limit; it is gone either way.
        }
    }
}
