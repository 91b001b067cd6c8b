#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening by content, and the app run from its build folder, for real.

Runs under the test's X server (meson wraps this test in xvfb-run and
dbus-run-session):

* `meson devenv -C BUILD` sets the settings schema folder to the build
  folder's compiled schemas and CORROBORATE_SAMPLE_DIR to the sample;
* `BUILD/src/app/corroborate p.json`, run by hand without those variables,
  does not abort: it finds its schema beside it, opens p.json (a project
  made by `corroborate-cli new p.json …`) as the project it is, not as an
  article to import, and quits with Ctrl+Q;
* the same executable away from its build folder, with no schema anywhere,
  says what is missing and exits with status 1 instead of aborting
  (--version works all the same).
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
MESON = os.environ["CRB_MESON"]
BUILD = os.environ["CRB_BUILD_ROOT"]
SOURCE = os.environ["CRB_SOURCE_ROOT"]
SAMPLE = os.path.join(SOURCE, "data", "sample", "harbor-bridge")
failed = 0


def check(ok, message):
    global failed
    print(("ok - " if ok else "not ok - ") + message)
    if not ok:
        failed += 1


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, timeout=30)
    time.sleep(0.25)


def clean_env(tmp):
    env = {k: v for k, v in os.environ.items()
           if k not in ("GSETTINGS_SCHEMA_DIR", "CORROBORATE_SAMPLE_DIR", "CORROBORATE_LOCALEDIR")}
    env.update({"XDG_DATA_HOME": os.path.join(tmp, "data"), "XDG_CONFIG_HOME": os.path.join(tmp, "config"),
                "HOME": tmp, "GSETTINGS_BACKEND": "memory", "LC_ALL": "C.UTF-8"})
    return env


def test_devenv():
    out = subprocess.run([MESON, "devenv", "-C", BUILD, "--dump"], capture_output=True, text=True, check=True).stdout
    values = {}
    for line in out.splitlines():
        if "=" in line and not line.startswith("export"):
            key, _, value = line.partition("=")
            values[key] = value.strip('"')
    schema_dirs = values.get("GSETTINGS_SCHEMA_DIR", "").split(":")
    check(os.path.join(BUILD, "data") in schema_dirs and
          os.path.exists(os.path.join(BUILD, "data", "gschemas.compiled")),
          "meson devenv points GSETTINGS_SCHEMA_DIR at the build folder's compiled schemas")
    sample = values.get("CORROBORATE_SAMPLE_DIR", "")
    check(os.path.isfile(os.path.join(sample, "almera-courier.txt")),
          "meson devenv points CORROBORATE_SAMPLE_DIR at the sample")


def test_uninstalled_opens_project_by_content(tmp):
    env = clean_env(tmp)
    project = os.path.join(tmp, "p.json")
    subprocess.run([CLI, "new", "--title", "Named JSON", project, SAMPLE], check=True, env=env,
                   capture_output=True)
    with open(project, encoding="utf-8") as f:
        before = f.read()

    app = subprocess.Popen([APP, project], env=env, stderr=subprocess.PIPE, text=True)
    try:
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Named JSON"],
                               capture_output=True, text=True, timeout=60)
        check(found.returncode == 0 and found.stdout.strip() != "",
              "run from the build folder without meson devenv, `corroborate p.json` shows the project")
        if found.stdout.strip():
            xdotool("windowfocus", "--sync", found.stdout.split()[0])
            time.sleep(0.5)
        xdotool("key", "ctrl+q")
        try:
            code = app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            code = None
        check(code == 0, f"it quits with Ctrl+Q (exit status {code})")
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    stderr = app.stderr.read()
    check("not installed" not in stderr and "GLib-GIO-ERROR" not in stderr,
          "no complaint about a missing schema")
    projects = os.path.join(tmp, "data", "corroborate", "projects")
    check(not os.path.isdir(projects) or not os.listdir(projects),
          "p.json was opened, not imported into a new project")
    with open(project, encoding="utf-8") as f:
        line = f.readline()
    check(json.loads(line)["format"] == "corroborate-project" and before.splitlines()[0] == line.rstrip("\n"),
          "p.json is still the project it was")


def test_no_schema_anywhere(tmp):
    env = clean_env(tmp)
    elsewhere = os.path.join(tmp, "bin")
    os.makedirs(elsewhere, exist_ok=True)
    copy = os.path.join(elsewhere, "corroborate")
    shutil.copy(APP, copy)
    result = subprocess.run([copy], env=env, capture_output=True, text=True, timeout=60)
    check(result.returncode == 1, f"without a schema anywhere it exits with status 1 (got {result.returncode})")
    version = subprocess.run([copy, "--version"], env=env, capture_output=True, text=True, timeout=60)
    check(version.returncode == 0 and version.stdout.startswith("corroborate "),
          "--version needs no schema")
    check("settings schema" in result.stderr and "meson devenv" in result.stderr,
          "and says what is missing and how to run it: " + result.stderr.strip().splitlines()[-1]
          if result.stderr.strip() else "and says what is missing")


def main():
    if shutil.which("xdotool") is None or not os.environ.get("DISPLAY"):
        print("not ok - this test needs xdotool and an X display (xvfb-run)")
        sys.exit(1)
    tmp = tempfile.mkdtemp(prefix="crb-open-")
    try:
        test_devenv()
        test_uninstalled_opens_project_by_content(tmp)
        test_no_schema_anywhere(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
