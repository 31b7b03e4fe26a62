#!/usr/bin/env python3
"""The table and the target verdicts of one benchmarks/cold-start.sh run (its OUT directory of .jsonl files).

usage: cold-start-report.py OUT_DIR
Targets (issue 16): a YAML rule adds at most 80 ms to the empty handler and its total is at most 2.5x the
empty handler's; its peak RSS at most 20 MB over; the first JS rule costs at most a bare GraalJS context
+ 15%; after SnapStart priming the first invocation is within 1 ms of a warm one. Issue 31: through the runtime
client, a first event without context adds at most 30 ms and 5 MB of peak RSS to the same function's first event
with one. Issue 26: through the runtime client, the YAML rule of a 50-rule file adds at most 80 ms to the empty
handler without a precompiled form, at most 40 ms and 10 MB of peak RSS with one (the 1-rule file's is printed too).
"""
import json
import os
import statistics
import sys

CASES = [
    ("empty", "empty handler, no tracex"),
    ("yaml", "YAML rule"),
    ("yaml-primed", "YAML rule, after priming"),
    ("typed-empty", "typed `SQSEvent` handler, no tracex"),
    ("typed", "typed `SQSEvent` handler, YAML rule"),
    ("empty-js", "empty handler, JS layout"),
    ("graal", "bare GraalJS `Context`, then the empty handler"),
    ("graal-call", "bare GraalJS `Context`, one snippet evaluated and called, then the empty handler"),
    ("js-compiled", "JS rule in the compiled subset, YAML layout (no GraalVM)"),
    ("js", "JS rule on GraalJS"),
    ("js-primed", "JS rule, after priming"),
    ("empty-cds", "empty handler, AppCDS archive"),
    ("yaml-cds", "YAML rule, AppCDS archive"),
    ("runtime-empty", "empty handler, through the runtime client"),
    ("runtime-yaml", "YAML rule, through the runtime client"),
    ("runtime-yaml-precompiled", "YAML rule, through the runtime client, precompiled form"),
    ("runtime-yaml1", "YAML rule of a 1-rule file, through the runtime client"),
    ("runtime-yaml1-precompiled", "YAML rule of a 1-rule file, through the runtime client, precompiled form"),
    ("runtime-builtin-sqs", "built-in rule selected (builtin.sqs), through the runtime client"),
    ("runtime-default", "nothing selected (builtin.default), through the runtime client"),
    ("runtime-empty-miss", "empty handler, through the runtime client, first event without context"),
    ("runtime-yaml-miss", "YAML rule, through the runtime client, first event without context"),
    ("runtime-empty-cds", "empty handler, through the runtime client, AppCDS archive"),
    ("runtime-yaml-cds", "YAML rule, through the runtime client, AppCDS archive"),
]
# Cases timed by runtime_cold_start.py: JVM start to the response, no in-process breakdown.
TOTAL_ONLY = {"runtime-empty", "runtime-yaml", "runtime-yaml-precompiled", "runtime-yaml1", "runtime-yaml1-precompiled", "runtime-builtin-sqs", "runtime-default", "runtime-empty-miss", "runtime-yaml-miss", "runtime-empty-cds", "runtime-yaml-cds"}


def load(out, label):
    path = os.path.join(out, label + ".jsonl")
    if not os.path.exists(path):
        return None
    runs = [json.loads(line) for line in open(path) if line.startswith("{")]
    if not runs:
        return None
    med = lambda k: statistics.median(r[k] for r in runs) if k in runs[0] else float("nan")
    row = {k: med(k) for k in ["totalMs", "initMs", "primeMs", "firstInvokeMs", "warmInvokeMs", "vmHwmKb"]}
    row["n"] = len(runs)
    row["range"] = (min(r["totalMs"] for r in runs), max(r["totalMs"] for r in runs))
    return row


def verdict(ok):
    return "MET" if ok else "MISSED"


def main():
    out = sys.argv[1]
    rows = {label: load(out, label) for label, _ in CASES}
    print("| case | runs | JVM start -> first context, ms (median; min-max) | init ms | priming ms | first invocation ms"
          " | warm invocation ms | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for label, name in CASES:
        r = rows[label]
        if r is None:
            continue
        if label in TOTAL_ONLY:
            print(f"| {name} | {r['n']} | {r['totalMs']:.0f} ({r['range'][0]:.0f}-{r['range'][1]:.0f}) | | | | |"
                  f" {r['vmHwmKb'] / 1024:.0f} |")
            continue
        print(f"| {name} | {r['n']} | {r['totalMs']:.0f} ({r['range'][0]:.0f}-{r['range'][1]:.0f}) | {r['initMs']:.0f} | "
              f"{r['primeMs']:.0f} | {r['firstInvokeMs']:.1f} | {r['warmInvokeMs']:.2f} | {r['vmHwmKb'] / 1024:.0f} |")
    empty, yaml = rows["empty"], rows["yaml"]
    print()
    adds = yaml["totalMs"] - empty["totalMs"]
    ratio = yaml["totalMs"] / empty["totalMs"]
    print(f"{verdict(adds <= 80 and ratio <= 2.5)}: a YAML rule adds {adds:.0f} ms to the empty handler (target <= 80 ms),"
          f" {ratio:.2f}x its total (target <= 2.5x)")
    rss = (yaml["vmHwmKb"] - empty["vmHwmKb"]) / 1024
    print(f"{verdict(rss <= 20)}: its peak RSS is {rss:.0f} MB over the empty handler's (target <= 20 MB)")
    js, graal, empty_js = rows["js"], rows["graal"], rows["empty-js"]
    js_adds = js["totalMs"] - yaml["totalMs"]
    bare = graal["totalMs"] - empty_js["totalMs"]
    print(f"{verdict(js_adds <= bare * 1.15)}: the JS rule adds {js_adds:.0f} ms over the YAML rule, a bare GraalJS context"
          f" {bare:.0f} ms over the empty handler: {js_adds / bare:.2f}x (target <= 1.15x, {bare * 1.15:.0f} ms)")
    call = rows["graal-call"]["totalMs"] - empty_js["totalMs"]
    print(f"  GraalJS alone, one snippet evaluated and called: {call:.0f} ms, {call / bare:.2f}x the bare context;"
          f" tracex's own part of the JS rule: {js_adds - call:.0f} ms")
    for primed in ("yaml-primed", "js-primed"):
        p = rows[primed]
        gap = p["firstInvokeMs"] - p["warmInvokeMs"]
        print(f"{verdict(gap <= 1)}: after SnapStart priming ({primed}) the first invocation takes {p['firstInvokeMs']:.1f} ms,"
              f" a warm one {p['warmInvokeMs']:.2f} ms: {gap:.1f} ms apart (target <= 1 ms)")
    typed, typed_empty = rows["typed"], rows["typed-empty"]
    print(f"typed SQSEvent handler: tracex adds {typed['totalMs'] - typed_empty['totalMs']:.0f} ms"
          f" ({typed['totalMs']:.0f} vs {typed_empty['totalMs']:.0f}; no target: the deserialization is the runtime's)")
    rt_empty, rt_yaml = rows["runtime-empty"], rows["runtime-yaml"]
    print(f"through the runtime client: a YAML rule adds {rt_yaml['totalMs'] - rt_empty['totalMs']:.0f} ms"
          f" ({rt_yaml['totalMs']:.0f} vs {rt_empty['totalMs']:.0f}, {rt_yaml['totalMs'] / rt_empty['totalMs']:.2f}x),"
          f" {(rt_yaml['vmHwmKb'] - rt_empty['vmHwmKb']) / 1024:.0f} MB of peak RSS")
    adds = lambda r: r["totalMs"] - rt_empty["totalMs"]
    rss_over = lambda r: (r["vmHwmKb"] - rt_empty["vmHwmKb"]) / 1024
    print(f"{verdict(adds(rt_yaml) <= 80)}: without a precompiled form, the YAML rule of a 50-rule file adds"
          f" {adds(rt_yaml):.0f} ms to the empty handler through the runtime client (target <= 80 ms)")
    rt_pre, rt_one, rt_one_pre = rows["runtime-yaml-precompiled"], rows["runtime-yaml1"], rows["runtime-yaml1-precompiled"]
    if rt_pre and rt_one and rt_one_pre:
        print(f"{verdict(adds(rt_pre) <= 40 and rss_over(rt_pre) <= 10)}: with its precompiled form it adds {adds(rt_pre):.0f} ms"
              f" and {rss_over(rt_pre):.1f} MB of peak RSS (target <= 40 ms, <= 10 MB); the 1-rule file adds"
              f" {adds(rt_one):.0f} ms without a form, {adds(rt_one_pre):.0f} ms with one")
    rt_builtin, rt_default = rows["runtime-builtin-sqs"], rows["runtime-default"]
    if rt_builtin and rt_default:
        print(f"through the runtime client, a built-in from the rules jar's precompiled form: builtin.sqs selected adds"
              f" {adds(rt_builtin):.0f} ms and {rss_over(rt_builtin):.1f} MB, nothing selected (builtin.default)"
              f" {adds(rt_default):.0f} ms and {rss_over(rt_default):.1f} MB (no target)")
    rt_miss, rt_empty_miss = rows["runtime-yaml-miss"], rows["runtime-empty-miss"]
    if rt_miss:
        miss_adds = rt_miss["totalMs"] - rt_yaml["totalMs"]
        miss_rss = (rt_miss["vmHwmKb"] - rt_yaml["vmHwmKb"]) / 1024
        print(f"{verdict(miss_adds <= 30 and miss_rss <= 5)}: a first event without context adds {miss_adds:.1f} ms and"
              f" {miss_rss:.1f} MB of peak RSS to the YAML rule's first event with one ({rt_miss['totalMs']:.0f} vs"
              f" {rt_yaml['totalMs']:.0f} ms; target <= 30 ms and <= 5 MB)"
              + (f"; the empty handler on that event: {rt_empty_miss['totalMs']:.0f} ms" if rt_empty_miss else ""))
    rc_empty, rc_yaml = rows["runtime-empty-cds"], rows["runtime-yaml-cds"]
    if rc_empty and rc_yaml:
        print(f"through the runtime client with an AppCDS archive each: a YAML rule adds {rc_yaml['totalMs'] - rc_empty['totalMs']:.0f} ms"
              f" ({rc_yaml['totalMs']:.0f} vs {rc_empty['totalMs']:.0f}, {rc_yaml['totalMs'] / rc_empty['totalMs']:.2f}x)")
    cds_empty, cds_yaml = rows["empty-cds"], rows["yaml-cds"]
    if cds_empty and cds_yaml:
        print(f"with an AppCDS archive each: a YAML rule adds {cds_yaml['totalMs'] - cds_empty['totalMs']:.0f} ms"
              f" ({cds_yaml['totalMs']:.0f} vs {cds_empty['totalMs']:.0f}, {cds_yaml['totalMs'] / cds_empty['totalMs']:.2f}x);"
              f" the YAML rule {yaml['totalMs']:.0f} ms without its archive, {cds_yaml['totalMs']:.0f} with")


if __name__ == "__main__":
    main()
