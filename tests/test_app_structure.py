#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The app's files keep the shape DESIGN.md and STYLE.md give them.

* no file in src/app is much over 1,000 lines;
* dependencies run one way, application → window → dialogs: the window's
  files never call the application, the dialogs never call the window
  (they use actions, signals and properties instead).
"""

import glob
import os
import re
import sys

ROOT = os.environ.get("CRB_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), ".."))
APP = os.path.join(ROOT, "src", "app")
failed = 0


def check(ok, message):
    global failed
    print(("ok - " if ok else "not ok - ") + message)
    if not ok:
        failed += 1


def calls(path, prefix):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # Calls, not mentions in comments.
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return sorted(set(re.findall(r"\b(" + prefix + r"[a-z_]+) \(", text)))


for path in sorted(glob.glob(os.path.join(APP, "*.c"))):
    with open(path, encoding="utf-8") as f:
        n = sum(1 for _ in f)
    check(n <= 1050, f"{os.path.basename(path)}: {n} lines (at most about 1,000)")

for path in sorted(glob.glob(os.path.join(APP, "crb-window*.c"))):
    found = [c for c in calls(path, "crb_application_") if c != "crb_application_get_type"]
    check(not found, f"{os.path.basename(path)} does not call the application {found}")

for name in ("crb-export-dialog.c", "crb-export-job.c", "crb-stats-window.c", "crb-preferences.c",
             "crb-claim-panel.c", "crb-article-view.c", "crb-article-editor.c",
             "crb-adjudication-window.c", "crb-adjudication-view.c"):
    path = os.path.join(APP, name)
    found = calls(path, "crb_window_") + calls(path, "crb_application_")
    check(not found, f"{name} calls neither the window nor the application {found}")

sys.exit(1 if failed else 0)
