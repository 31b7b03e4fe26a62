#!/usr/bin/env python3
"""Turns JMH JSON results (-rf json) into the README's tables, ratios included.

usage: report.py per-invocation RESULT.json    PerInvocationBenchmark: ns/op and ratios per scenario
       report.py large-event RESULT.json       LargeEventBenchmark (run with -prof gc): µs/op and B/op
       report.py js RESULT.json                JsRuleBenchmark: µs/op, JS / YAML
       report.py miss RESULT.json              MissBenchmark (run with -prof gc): builtin.default against readTree
       report.py visibility BEFORE.json AFTER.json
                                               VisibilityBenchmark (run with -prof gc) on two builds: the wrapper's
                                               overhead (wrapped - direct) before and after, time and allocation
"""
import json
import sys


def load(path):
    """(best iteration, JMH mean, bytes allocated per op or None) per (method, params).

    The best (lowest) iteration is what the tables use: on a shared, loaded machine the other processes
    only ever add time, so the least disturbed iteration is the closest to the code's own cost; the
    mean is kept for reference.
    """
    out = {}
    for r in json.load(open(path)):
        method = r["benchmark"].rsplit(".", 1)[1]
        params = tuple(sorted((r.get("params") or {}).items()))
        raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
        secondary = r.get("secondaryMetrics", {})
        alloc = secondary.get("\u00b7gc.alloc.rate.norm") or secondary.get("gc.alloc.rate.norm")
        out[(method, params)] = (min(raw), r["primaryMetric"]["score"], alloc["score"] if alloc else None)
    return out


def fmt(v):
    return f"{v:,.0f}" if v >= 100 else f"{v:,.1f}" if v >= 10 else f"{v:,.2f}"


def per_invocation(res):
    get = lambda m, s: res[(m, (("scenario", s),))][0]
    scenarios = [s for s in ["headers", "sqs", "http", "fields", "kinesis", "js"] if ("tracexTree", (("scenario", s),)) in res]
    print("| scenario | tracex tree | tracex bytes | hand-written (floor) | Jayway compiled | Jayway text | readTree |"
          " tree / floor | bytes / (readTree + floor) | bytes / readTree | Jayway compiled / tracex tree |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for s in scenarios:
        t, b, f, fb = get("tracexTree", s), get("tracexBytes", s), get("handWritten", s), get("handWrittenBytes", s)
        jc, jt, rt = get("jaywayCompiled", s), get("jaywayText", s), get("readTree", s)
        print(f"| {s} | {fmt(t)} | {fmt(b)} | {fmt(f)} | {fmt(jc)} | {fmt(jt)} | {fmt(rt)} |"
              f" {t / f:.2f}x | {b / fb:.2f}x | {b / rt:.2f}x | {jc / t:.1f}x |")
    if "js" in scenarios:
        print(f"\nJS rule / YAML rule (headers): tree {get('tracexTree', 'js') / get('tracexTree', 'headers'):.1f}x,"
              f" bytes {get('tracexBytes', 'js') / get('tracexBytes', 'headers'):.1f}x")


def miss(res):
    events = ["sqs-1KB", "sqs-64KB", "sns-64KB", "kinesis-64KB", "kafka-64KB", "eventbridge-640KB", "apigw-640KB",
              "sqs-1KB-hit", "sqs-64KB-hit"]
    print("| event | builtin.default µs | readTree µs | time / readTree | builtin.default B | readTree B | allocation / readTree |")
    print("|---|---|---|---|---|---|---|")
    for e in events:
        d, r = res.get(("defaultBytes", (("event", e),))), res.get(("readTree", (("event", e),)))
        if d is None or r is None:
            continue
        alloc = f"| {d[2]:,.0f} | {r[2]:,.0f} | {d[2] / r[2]:.2f}x |" if d[2] and r[2] else "| | | |"
        print(f"| {e} | {fmt(d[0])} | {fmt(r[0])} | {d[0] / r[0]:.2f}x {alloc}")


def large_event(res):
    print("| event | size | builtin rule µs | custom rule µs | readTree µs | token pass µs | builtin / readTree | custom / readTree |"
          " builtin B/op | custom B/op | readTree B/op |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for shape in ["sqs", "apigw"]:
        for size in ["2KB", "64KB", "1MB", "2.5MB", "6MB"]:
            key = (("shape", shape), ("size", size))
            if ("readTree", key) not in res:
                continue
            b, c, r, t = (res[(m, key)] for m in ["builtinBytes", "customBytes", "readTree", "tokensOnly"])
            alloc = lambda x: f"{x[2]:,.0f}" if x[2] is not None else "-"
            print(f"| {shape} | {size} | {fmt(b[0])} | {fmt(c[0])} | {fmt(r[0])} | {fmt(t[0])} | {b[0] / r[0]:.2f}x | {c[0] / r[0]:.2f}x |"
                  f" {alloc(b)} | {alloc(c)} | {alloc(r)} |")


def js(res):
    """Best iteration (and JMH's mean) of each JS rule against the same YAML rule of the same run."""
    best = lambda r: res[("extract", (("rule", r),))][0]
    mean = lambda r: res[("extract", (("rule", r),))][1]
    print("| YAML rule | best µs (mean) | the same in JS | best µs (mean) | JS / YAML, best (means) |")
    print("|---|---|---|---|---|")
    for y, j in [("yaml_fields", "js_node"), ("yaml_fields", "js_seed"), ("yaml_headers", "js_headers")]:
        if ("extract", (("rule", j),)) not in res:
            continue
        print(f"| `{y}` | {fmt(best(y))} ({fmt(mean(y))}) | `{j}` | {fmt(best(j))} ({fmt(mean(j))}) "
              f"| {best(j) / best(y):.2f}x ({mean(j) / mean(y):.2f}x) |")


def visibility(before, after):
    print("| SDK | event | direct µs | overhead before µs | overhead after µs | after / before | overhead before B | overhead after B | after / before |")
    print("|---|---|---|---|---|---|---|---|---|")
    for otel in ["none", "sdk"]:
        key = (("otel", otel),)
        if ("direct", key) not in before or ("direct", key) not in after:
            continue
        for method, label in [("wrapped", "context found"), ("wrappedNoContext", "no context")]:
            ob = before[(method, key)][0] - before[("direct", key)][0]
            oa = after[(method, key)][0] - after[("direct", key)][0]
            ab = before[(method, key)][2] - before[("direct", key)][2] if before[(method, key)][2] is not None else None
            aa = after[(method, key)][2] - after[("direct", key)][2] if after[(method, key)][2] is not None else None
            alloc = f"| {ab:,.0f} | {aa:,.0f} | {aa / ab:.3f}x |" if ab and aa else "| | | |"
            print(f"| {otel} | {label} | {fmt(after[('direct', key)][0])} | {fmt(ob)} | {fmt(oa)} | {oa / ob:.3f}x {alloc}")


if __name__ == "__main__":
    if sys.argv[1] == "visibility":
        visibility(load(sys.argv[2]), load(sys.argv[3]))
    else:
        {"miss": miss, "per-invocation": per_invocation, "large-event": large_event, "js": js}[sys.argv[1]](load(sys.argv[2]))
