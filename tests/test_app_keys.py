#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Keys that never surprise, pressed for real (xdotool) in the real app.

Runs `corroborate PROJECT` under the test's X server (meson wraps this test
in xvfb-run and dbus-run-session):

* Ctrl+F, type a filter, Escape, J, A: Escape leaves the filter (it is
  cleared and the keys go back to the review), J moves to the next claim and
  A confirms it; nothing is typed into the filter.  That claim is one other
  outlets contradict: A asks whether to confirm it anyway, and A again
  does; being the first decision, it asks for the reviewer's name, typed
  and entered, and recorded with the decision;
* Ctrl+Q quits, after saving, even from the filter field: the process ends
  by itself and the project file (not only the journal) holds the decision.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

APP = os.environ["CRB_APP"]
CLI = os.environ["CRB_CLI"]
SAMPLE = os.path.join(os.environ["CRB_SOURCE_ROOT"], "data", "sample", "harbor-bridge")


def fail(message):
    print(f"not ok - {message}")
    sys.exit(1)


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, timeout=30)
    time.sleep(0.25)


def claims_in_file(project):
    """(id, status) of every claim, in story order, as the file has them."""
    with open(project, encoding="utf-8") as f:
        return [(c["id"], c["status"]) for line in f for c in json.loads(line).get("claims", [])]


def main():
    if shutil.which("xdotool") is None:
        fail("xdotool is not installed")
    if not os.environ.get("DISPLAY"):
        fail("no X display: this test runs under xvfb-run")

    tmp = tempfile.mkdtemp(prefix="crb-keys-")
    env = dict(os.environ)
    env.update({"XDG_DATA_HOME": os.path.join(tmp, "data"), "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
                "HOME": tmp, "GSETTINGS_BACKEND": "memory", "LC_ALL": "C.UTF-8"})
    project = os.path.join(tmp, "keys.crb")
    subprocess.run([CLI, "new", "--title", "Keys test", project, SAMPLE], check=True, env=env,
                   capture_output=True)
    before = claims_in_file(project)
    if any(s != "pending" for _, s in before):
        fail("the new project is not all pending")

    app = subprocess.Popen([APP, project], env=env)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Keys test"],
                               capture_output=True, text=True, timeout=60)
        window = found.stdout.split()[0]
        xdotool("windowfocus", "--sync", window)
        time.sleep(1.0)

        # A filter that matches nothing, left with Escape; then J and A.
        xdotool("key", "ctrl+f")
        xdotool("type", "--delay", "40", "Russ")
        xdotool("key", "Escape")
        xdotool("key", "j")
        xdotool("key", "a")
        xdotool("key", "a")
        xdotool("type", "--delay", "40", "Keys Tester")
        xdotool("key", "Return")
        time.sleep(0.5)

        # Ctrl+Q quits even from the filter field.
        xdotool("key", "ctrl+f")
        xdotool("type", "--delay", "40", "x")
        xdotool("key", "ctrl+q")
        try:
            code = app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            fail("Ctrl+Q did not quit the app")
        if code != 0:
            fail(f"the app exited with {code}")
        print("ok - Ctrl+Q quits")
    finally:
        if app.poll() is None:
            app.kill()

    after = claims_in_file(project)
    confirmed = [i for i, (_, s) in enumerate(after) if s != "pending"]
    if confirmed != [1]:
        fail(f"after Ctrl+F, Russ, Escape, J, A: expected the second claim confirmed in the file, "
             f"got {[(after[i][0], after[i][1]) for i in confirmed]}")
    with open(project, encoding="utf-8") as f:
        decided = [c for line in f for c in json.loads(line).get("claims", []) if c["status"] != "pending"]
    if decided[0]["decision"].get("annotator") != "Keys Tester":
        fail(f"the decision's annotator is {decided[0]['decision'].get('annotator')!r}, not the name typed")
    print("ok - Escape leaves the filter; J, A and A again review; the file was saved before quitting")
    print("ok - the first decision asked for the reviewer's name, recorded with it")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
