#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Decisions made in the real app survive SIGKILL.

Runs `corroborate PROJECT` under the test's X server (meson wraps this test in
xvfb-run and dbus-run-session), reviews three claims with real key presses
(xdotool; answering the app's questions: confirm anyway, the reviewer's name), kills the app with SIGKILL before its background save, and checks
that the project file alone did not have the decisions but every load (here
the CLI's) restores them from the journal.
"""

import json
import os
import shutil
import signal
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


def statuses(project, env):
    out = subprocess.run([CLI, "claims", project], capture_output=True, text=True, env=env, check=True)
    return [(c["id"], c["status"], c.get("decision", {}).get("reason")) for c in map(json.loads, out.stdout.splitlines())], out.stderr


def main():
    if shutil.which("xdotool") is None:
        fail("xdotool is not installed")
    if not os.environ.get("DISPLAY"):
        fail("no X display: this test runs under xvfb-run")

    tmp = tempfile.mkdtemp(prefix="crb-crash-")
    env = dict(os.environ)
    env.update({"XDG_DATA_HOME": os.path.join(tmp, "data"), "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
                "HOME": tmp, "GSETTINGS_BACKEND": "memory", "LC_ALL": "C.UTF-8"})
    project = os.path.join(tmp, "sample.crb")
    subprocess.run([CLI, "new", "--title", "Crash test", project, SAMPLE], check=True, env=env,
                   capture_output=True)
    before, _ = statuses(project, env)
    if any(s != "pending" for _, s, _ in before):
        fail("the new project is not all pending")

    app = subprocess.Popen([APP, project], env=env)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Crash test"],
                               capture_output=True, text=True, timeout=60)
        window = found.stdout.split()[0]
        xdotool("windowfocus", "--sync", window)
        time.sleep(1.0)
        # The first two claims are contradicted by another outlet: A asks,
        # A again confirms anyway.  The first decision asks for a name.
        for keys in (["a", "a", "NAME"], ["a", "a"], ["x", "2"]):
            for key in keys:
                if key == "NAME":
                    xdotool("type", "--delay", "20", "Crash Tester")
                    key = "Return"
                xdotool("key", key)
                time.sleep(0.15)
        # The window shows the decisions now; the file is rewritten 1.5 s after
        # the last one.  Kill well before that.
        time.sleep(0.3)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        if app.poll() is None:
            app.kill()

    with open(project, encoding="utf-8") as f:
        in_file = {c["id"]: c["status"] for line in f for c in json.loads(line).get("claims", [])}
    if any(in_file[c] != "pending" for c, _, _ in before[:3]):
        fail(f"the file was saved before the kill; the journal was not exercised: {in_file}")
    print("ok - the project file alone does not hold the decisions")

    after, stderr = statuses(project, env)
    if "restored 3 changes" not in stderr:
        fail(f"expected 'restored 3 changes' on stderr, got: {stderr!r}")
    expected = [("confirmed", None), ("confirmed", None), ("rejected", "unverifiable")]
    got = [(s, r) for _, s, r in after[:3]]
    if got != expected:
        fail(f"after SIGKILL: expected {expected}, got {got}")
    if any(s != "pending" for _, s, _ in after[3:]):
        fail("claims nobody decided changed")
    print("ok - every decision the window showed is restored after SIGKILL")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
