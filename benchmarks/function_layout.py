#!/usr/bin/env python3
"""Lays out a minimal deployable function twice, from the reactor's jars and Maven's dependency trees.

usage: function_layout.py DEPS_TREE TARGET_DIR

DEPS_TREE is `mvn -pl lambda-adapter -am dependency:tree -Dscope=runtime -DappendOutput=true` output: one
tree per module. A function that depends on tracex-lambda-adapter gets every tracex module and every
dependency of theirs that is not optional (Maven marks the subtree of an optional dependency optional).
  TARGET_DIR/function-yaml/  the function's handler classes, extractors.yaml, lib/ with those jars
  TARGET_DIR/function-js/    the same plus the GraalVM jars (groupId org.graalvm.*), which JS rules need
and zips each as function-yaml.zip / function-js.zip (the layout Lambda's Java runtimes load: classes at
the root, jars in lib/). Prints one line per zip: name, bytes, jar count, GraalVM jar count.
"""
import os
import re
import shutil
import sys
import zipfile

TRACEX = {"tracex-engine": "engine", "tracex-rules": "rules", "tracex-lambda-adapter": "lambda-adapter"}
FUNCTION_CLASSES = ["ContextHandler.class", "EmptyHandler.class", "SqsHandler.class"]


def parse(tree_file):
    """(groupId, artifactId, type, version, optional) of every dependency of the tracex modules."""
    deps = []
    coordinate = re.compile(r"^[|+\\\- ]*([\w.\-]+):([\w.\-]+):(\w+):(?:[\w.\-]+:)?([\w.\-]+):(\w+)( \(optional\))?$")
    for line in open(tree_file):
        line = line.rstrip("\n")
        if not line:
            continue
        if line[0] not in "|+\\ ":  # a module's own line: g:a:type:version
            g, a, t, v = line.split(":")[:4]
            if a in TRACEX:
                deps.append((g, a, t, v, False))
            continue
        m = coordinate.match(line)
        if m:
            g, a, t, v, _scope, opt = m.groups()
            deps.append((g, a, t, v, bool(opt)))
    return deps


def jar(root, g, a, t, v):
    if a in TRACEX:
        return os.path.join(root, TRACEX[a], "target", f"{a}-{v}.jar")
    return os.path.join(os.path.expanduser("~/.m2/repository"), *g.split("."), a, v, f"{a}-{v}.{t}")


def layout(name, jars, target, classes, rules_file):
    d = os.path.join(target, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "lib"))
    pkg = os.path.join(d, "dev", "tracex", "benchmarks", "coldstart")
    os.makedirs(pkg)
    for c in FUNCTION_CLASSES:
        shutil.copy(os.path.join(classes, "dev", "tracex", "benchmarks", "coldstart", c), pkg)
    shutil.copy(rules_file, d)
    for j in sorted(jars):
        shutil.copy(j, os.path.join(d, "lib"))
    z = os.path.join(target, name + ".zip")
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as out:
        for base, _dirs, files in os.walk(d):
            for f in sorted(files):
                p = os.path.join(base, f)
                out.write(p, os.path.relpath(p, d))
    graal = [j for j in jars if "/org/graalvm/" in j]
    print(f"{name}.zip {os.path.getsize(z)} bytes, {len(jars)} jars, {len(graal)} GraalVM jars")


def main():
    tree_file, target = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    deps = parse(tree_file)
    yaml = {(g, a, t, v) for g, a, t, v, opt in deps if not opt and t == "jar"}
    js = yaml | {(g, a, t, v) for g, a, t, v, _ in deps if g.startswith("org.graalvm") and t == "jar"}
    for name, chosen in (("function-yaml", yaml), ("function-js", js)):
        jars = {jar(root, *d) for d in chosen}
        missing = [j for j in jars if not os.path.exists(j)]
        if missing:
            sys.exit(f"missing jars (build first): {missing}")
        layout(name, jars, target, os.path.join(target, "classes"),
               os.path.join(root, "benchmarks", "src", "main", "function", "extractors.yaml"))


if __name__ == "__main__":
    main()
