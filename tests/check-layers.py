#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keeps the layers of src/ in order, from the #include graph.

    check-layers.py SRC_DIR       check a source tree; exit 1 on a violation
    check-layers.py --self-test   check that each kind of violation is found

The rules (docs/architecture.md):

1. A core folder includes only folders below it.  Levels, bottom up:
   base; model; store, extract and align (side by side, never each other);
   import and export (side by side); project.
2. Core includes no GTK, GDK or libadwaita header.
3. No circle anywhere in src/: neither between core folders nor between
   modules (a module is a .c with its .h and -private.h, so that
   crb-window.c including crb-application.h while crb-application.c
   includes crb-window.h is a circle).
"""

import os
import re
import sys
import tempfile

LEVELS = {
    "base": 0,
    "model": 1,
    "store": 2, "extract": 2, "align": 2,
    "import": 3, "export": 3,
    "project": 4,
}
# Headers meson generates into the build tree, and the folder they belong to.
GENERATED = {"crb-enums.h": "model", "crb-core-resources.h": "extract",
             "crb-export-resources.h": "export", "config.h": None}
GUI_HEADERS = re.compile(r"^(gtk|gdk|gsk|adwaita|libadwaita)[/.]")
INCLUDE = re.compile(r'^\s*#\s*include\s+([<"])([^>"]+)[>"]', re.M)


def module_of(path):
    """crb-window-private.h, crb-window.h and crb-window.c: one module."""
    stem = os.path.splitext(os.path.basename(path))[0]
    return re.sub(r"-private$", "", stem)


def scan(src):
    """Every C file under src: {relative path: [(kind, included name)]}."""
    files = {}
    for root, dirs, names in os.walk(src):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".c", ".h")):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                # Comments may mention includes: drop them first.
                text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
                files[os.path.relpath(path, src)] = INCLUDE.findall(text)
    return files


def core_folder(rel):
    parts = rel.split(os.sep)
    if len(parts) >= 3 and parts[0] == "core" and parts[1] in LEVELS:
        return parts[1]
    return None


def find_cycle(graph):
    """One circle of graph ({node: set(nodes)}) as a list, or None."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = {n: WHITE for n in graph}
    stack = []

    def visit(node):
        colour[node] = GREY
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if colour.get(nxt, WHITE) == GREY:
                return stack[stack.index(nxt):] + [nxt]
            if colour.get(nxt, WHITE) == WHITE:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = BLACK
        return None

    for node in sorted(graph):
        if colour[node] == WHITE:
            found = visit(node)
            if found:
                return found
    return None


def check(src):
    files = scan(src)
    by_name = {}
    for rel in files:
        by_name.setdefault(os.path.basename(rel), []).append(rel)
    problems = []

    for name, paths in sorted(by_name.items()):
        if name.endswith(".h") and len(paths) > 1:
            problems.append(f"{name} exists twice ({', '.join(paths)}): includes are ambiguous")

    folder_graph = {f: set() for f in LEVELS}
    module_graph = {}
    for rel, includes in sorted(files.items()):
        here = core_folder(rel)
        mod = (os.path.dirname(rel).split(os.sep)[0], module_of(rel))
        module_graph.setdefault(mod, set())
        for kind, name in includes:
            if kind == "<":
                if here is not None and GUI_HEADERS.match(name):
                    problems.append(f"{rel}: core includes the GUI header <{name}>")
                continue
            base = os.path.basename(name)
            if base in GENERATED:
                targets = [os.path.join("core", GENERATED[base], base)] if GENERATED[base] else []
            else:
                targets = by_name.get(base, [])
                if not targets:
                    problems.append(f"{rel}: includes \"{name}\", which is not in src/")
                    continue
            for target in targets[:1]:
                there = core_folder(target)
                if here is not None and there is not None and here != there:
                    folder_graph[here].add(there)
                    if LEVELS[there] >= LEVELS[here]:
                        how = "above" if LEVELS[there] > LEVELS[here] else "beside"
                        problems.append(f"{rel}: {here}/ includes {target}, a folder {how} it")
                if here is not None and there is None:
                    problems.append(f"{rel}: core includes {target}, which is not core")
                tmod = (target.split(os.sep)[0], module_of(target))
                if tmod != mod:
                    module_graph[mod].add(tmod)

    cycle = find_cycle(folder_graph)
    if cycle:
        problems.append("circle between core folders: " + " → ".join(cycle))
    cycle = find_cycle(module_graph)
    if cycle:
        problems.append("circle between modules: " + " → ".join(f"{d}/{m}" for d, m in cycle))
    return problems


def self_test():
    """Each rule catches what it is for, and a clean tree passes."""
    def tree(files):
        d = tempfile.mkdtemp(prefix="check-layers-")
        for rel, text in files.items():
            path = os.path.join(d, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return d

    clean = {
        "core/base/crb-utils.h": "#include <glib.h>\n",
        "core/model/crb-claim.h": '#include "crb-utils.h"\n',
        "core/model/crb-claim.c": '#include "config.h"\n#include "crb-claim.h"\n#include "crb-enums.h"\n',
        "core/align/crb-align.h": '#include "crb-claim.h"\n',
        "core/project/crb-project.c": '#include "crb-align.h"\n/* #include "crb-window.h" */\n',
        "app/crb-window.c": '#include <gtk/gtk.h>\n#include "crb-window.h"\n#include "crb-project.c"\n',
        "app/crb-window.h": "#include <adwaita.h>\n",
    }
    cases = {
        "upward": {"core/model/crb-story.c": '#include "crb-align.h"\n'},
        "sideways": {"core/store/crb-io.c": '#include "crb-align.h"\n'},
        "gtk in core": {"core/model/crb-view.c": "#include <gtk/gtk.h>\n"},
        "core includes app": {"core/model/crb-x.c": '#include "crb-window.h"\n'},
        "module circle": {"app/crb-application.h": '#include "crb-window.h"\n',
                          "app/crb-window-private.h": '#include "crb-application.h"\n'},
        "unknown header": {"app/crb-y.c": '#include "crb-nowhere.h"\n'},
    }
    failures = 0
    if check(tree(clean)):
        print("not ok - a clean tree passes:", check(tree(clean)))
        failures += 1
    else:
        print("ok - a clean tree passes")
    for name, extra in cases.items():
        found = check(tree({**clean, **extra}))
        if found:
            print(f"ok - {name} is found: {found[0]}")
        else:
            print(f"not ok - {name} is not found")
            failures += 1
    return failures


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        return 1 if self_test() else 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(argv[1])
    for p in problems:
        print("check-layers:", p, file=sys.stderr)
    if not problems:
        print("check-layers: the include graph of src/ keeps its layers, with no circle")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
