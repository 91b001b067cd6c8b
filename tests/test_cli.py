#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of corroborate-cli: the interface users' scripts rely on.

Runs the built binary (CRB_CLI) on the shared real articles (CRB_SAMPLES_DIR),
the bundled sample and inputs written here, and checks output, exit status
and messages.  Project files are checked against data/project.schema.json.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import jsonschema

CLI = os.environ["CRB_CLI"]
SOURCE = os.environ["CRB_SOURCE_ROOT"]
SAMPLES = os.path.join(os.environ["CRB_SAMPLES_DIR"], "crocus-city-hall")
BUNDLED = os.path.join(SOURCE, "data", "sample", "harbor-bridge")

with open(os.path.join(SOURCE, "data", "project.schema.json"), encoding="utf-8") as f:
    PROJECT_SCHEMA = json.load(f)
with open(os.path.join(SOURCE, "data", "export.schema.json"), encoding="utf-8") as f:
    EXPORT_SCHEMA = json.load(f)


def run(*args, env=None, check=None):
    full_env = dict(os.environ)
    if env:
        full_env.update(env)
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=full_env, timeout=120)
    if check is not None and p.returncode != check:
        raise AssertionError(
            f"corroborate-cli {' '.join(args)}: exit {p.returncode}, wanted {check}\n"
            f"stdout: {p.stdout[:2000]}\nstderr: {p.stderr[:2000]}")
    return p


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def part_schema(name):
    return {"$schema": PROJECT_SCHEMA["$schema"], "$ref": "#/definitions/" + name,
            "definitions": PROJECT_SCHEMA["definitions"]}


def validate_export(records, definition="record"):
    """Export lines against data/export.schema.json."""
    schema = {"$schema": EXPORT_SCHEMA["$schema"], "$ref": "#/definitions/" + definition,
              "definitions": EXPORT_SCHEMA["definitions"]}
    jsonschema.Draft7Validator.check_schema(EXPORT_SCHEMA)
    for record in records:
        jsonschema.validate(record, schema)


def validate_project(path):
    """Every line of a project file is valid JSON matching the schema."""
    with open(path, encoding="utf-8") as f:
        lines = [json.loads(line) for line in f if line.strip()]
    header, stories = lines[0], lines[1:]
    jsonschema.validate(header, PROJECT_SCHEMA)
    jsonschema.validate(header, part_schema("header"))
    for story in stories:
        jsonschema.validate(story, part_schema("story"))
    assert [s["id"] for s in header["stories"]] == [s["story"] for s in stories]
    return header, stories


class Base(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="crb-cli-")
        # The journal lives in the user data folder: keep it in the test's.
        self.env = {"XDG_DATA_HOME": os.path.join(self.tmp, "data"), "LANGUAGE": "C", "LC_ALL": "C.UTF-8"}
        os.environ.update(self.env)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def write(self, name, data):
        path = self.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode, **({} if isinstance(data, bytes) else {"encoding": "utf-8"})) as f:
            f.write(data)
        return path

    def assertFails(self, args, status, *fragments):
        p = run(*args)
        self.assertEqual(p.returncode, status, f"{args}: {p.stderr}")
        lines = p.stderr.strip().splitlines()
        self.assertTrue(lines, "no message on stderr")
        self.assertTrue(lines[0].startswith("corroborate-cli: "), lines[0])
        for fragment in fragments:
            self.assertIn(fragment, p.stderr)
        return p


class RealArticles(Base):
    """new → claims → annotate → undo/redo → export on the shared real articles."""

    def test_pipeline(self):
        project = self.path("crocus.crb")
        p = run("new", project, SAMPLES, check=0)
        self.assertIn("5 articles", p.stdout)
        header, stories = validate_project(project)
        self.assertEqual(header["format"], "corroborate-project")
        self.assertEqual(header["version"], 2)
        self.assertEqual(len(stories), 1)
        self.assertEqual(stories[0]["title"], "crocus-city-hall")

        # Article ids come from the file names; the date prefix is metadata.
        articles = {a["id"]: a for a in stories[0]["articles"]}
        self.assertEqual(sorted(articles), sorted(n[:-4] for n in os.listdir(SAMPLES) if n.endswith(".txt")))
        self.assertEqual(articles["002_ac573e2a3b29c701"]["date"], "2024-05-24")
        # It stays in the text, which is the file's; the body starts after it.
        dated = articles["002_ac573e2a3b29c701"]
        self.assertTrue(dated["text"].startswith(" date 2024-05-24 "))
        self.assertTrue(dated["text"][dated["body_start"]:].startswith("On Friday"))

        claims = json_lines(run("claims", project, check=0).stdout)
        self.assertGreater(len(claims), 20)
        for c in claims:
            for key in ("id", "article", "story", "start", "end", "text", "kind", "score", "status"):
                self.assertIn(key, c)
            # Spans are code points: Python slicing gives the claim.
            self.assertEqual(articles[c["article"]]["text"][c["start"]:c["end"]], c["text"])
            self.assertEqual(c["status"], "pending")
        ids = [c["id"] for c in claims]
        self.assertEqual(len(ids), len(set(ids)))

        # A claim with curly quotes: offsets must still slice right.
        curly = [c for c in claims if "“" in articles[c["article"]]["text"][:c["start"]]]
        self.assertTrue(curly)

        first, second, third = claims[0]["id"], claims[1]["id"], claims[2]["id"]
        out = json_lines(run("annotate", project, first, "--confirm", "--annotator", "ana", check=0).stdout)
        self.assertEqual(out[0]["status"], "confirmed")
        self.assertEqual(out[0]["decision"]["annotator"], "ana")
        run("annotate", project, second, "--correct", "IS claimed the attack.", "--note", "shorter", check=0)
        run("annotate", project, third, "--reject", "opinion", check=0)

        by_id = {c["id"]: c for c in json_lines(run("claims", project, check=0).stdout)}
        self.assertEqual(by_id[first]["status"], "confirmed")
        self.assertEqual(by_id[second]["status"], "corrected")
        self.assertEqual(by_id[second]["decision"]["corrected"], "IS claimed the attack.")
        self.assertEqual(by_id[second]["decision"]["note"], "shorter")
        self.assertEqual(by_id[third]["decision"]["reason"], "opinion")

        rejected = json_lines(run("claims", project, "--status", "rejected", check=0).stdout)
        self.assertEqual([c["id"] for c in rejected], [third])

        # Undo and redo, each in its own process: the history is in the file.
        out = json_lines(run("undo", project, check=0).stdout)
        self.assertEqual(out[0]["id"], third)
        self.assertEqual(out[0]["status"], "pending")
        out = json_lines(run("undo", project, check=0).stdout)
        self.assertEqual(out[0]["id"], second)
        out = json_lines(run("redo", project, check=0).stdout)
        self.assertEqual(out[0]["id"], second)
        self.assertEqual(out[0]["status"], "corrected")
        validate_project(project)

        export = json_lines(run("export", project, "--format", "jsonl", check=0).stdout)
        self.assertEqual(sorted(r["id"] for r in export), sorted([first, second]))
        validate_export(export)
        rec = {r["id"]: r for r in export}
        self.assertEqual(rec[second]["claim"], "IS claimed the attack.")
        # Facts and evidence come from the alignment, as `claims` shows it.
        for r in export:
            self.assertEqual(r["fact"], by_id[r["id"]]["fact"])
            self.assertEqual(sorted(e["claim"] for e in r["evidence"]),
                             sorted(l["claim"] for l in by_id[r["id"]]["links"]))
            for e in r["evidence"]:
                self.assertEqual(articles[e["article"]]["text"][e["span"]["start"]:e["span"]["end"]], e["quote"])
            self.assertGreaterEqual(r["outlets"], 1)
        self.assertEqual(rec[second]["original"], by_id[second]["text"])
        art = articles[rec[first]["article"]["id"]]
        self.assertEqual(rec[first]["article"]["sha256"], art["sha256"])
        self.assertEqual(art["text"][rec[first]["span"]["start"]:rec[first]["span"]["end"]], rec[first]["quote"])

        out_file = self.path("out.jsonl")
        p = run("export", project, "-o", out_file, "--include-pending", check=0)
        self.assertIn("records", p.stderr)
        with open(out_file, encoding="utf-8") as f:
            full = json_lines(f.read())
        self.assertEqual(len(full), len(claims))
        validate_export(full)
        # The first record of each article, and only that one, carries its text.
        seen = set()
        for r in full:
            self.assertEqual("text" in r["article"], r["article"]["id"] not in seen)
            seen.add(r["article"]["id"])
            if "text" in r["article"]:
                self.assertEqual(r["article"]["text"], articles[r["article"]["id"]]["text"])
        # Deterministic: the same project exports the same bytes.
        out2 = self.path("out2.jsonl")
        run("export", project, "-o", out2, "--include-pending", check=0)
        with open(out_file, "rb") as a, open(out2, "rb") as b:
            self.assertEqual(a.read(), b.read())

        p = run("validate", project, check=0)
        self.assertIn("valid", p.stdout)

        stats = json.loads(run("stats", project, "--json", check=0).stdout)
        self.assertEqual(stats["claims"], len(claims))
        self.assertEqual(stats["confirmed"], 1)
        self.assertEqual(stats["corrected"], 1)
        self.assertEqual(stats["pending"], len(claims) - 2)
        self.assertEqual(len(stats["stories"][0]["articles"]), 5)
        table = run("stats", project, check=0).stdout
        self.assertIn("crocus-city-hall", table)

    def test_jq_reads_the_project(self):
        if shutil.which("jq") is None:
            self.fail("jq is not installed (build-aux/deps.sh installs it)")
        project = self.path("p.crb")
        run("new", project, SAMPLES, check=0)
        p = subprocess.run(["jq", "-r", "select(.format) | .format"], capture_output=True, text=True,
                           stdin=open(project))
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.strip(), "corroborate-project")

    def test_extract(self):
        claims = json_lines(run("extract", SAMPLES, check=0).stdout)
        every = json_lines(run("extract", "--all", SAMPLES, check=0).stdout)
        self.assertGreater(len(every), len(claims))
        self.assertTrue(all("reasons" in s and "score" in s and "claim" in s for s in every))
        self.assertEqual(sum(1 for s in every if s["claim"]), len(claims))
        strict = json_lines(run("extract", "--threshold", "0.9", SAMPLES, check=0).stdout)
        self.assertLess(len(strict), len(claims))
        self.assertTrue(all(s["score"] >= 0.9 for s in strict))
        # No project was made, and spans slice the imported text.
        self.assertEqual(os.listdir(self.tmp), [])

    def test_add_and_story(self):
        project = self.path("p.crb")
        run("new", project, "--story", "Crocus", os.path.join(SAMPLES, "001_76ee82237eabb591.txt"), check=0)
        run("add", project, "--story", "Bridge", BUNDLED, check=0)
        header, stories = validate_project(project)
        self.assertEqual([s["title"] for s in stories], ["Crocus", "Bridge"])
        self.assertEqual(len(stories[1]["articles"]), 3)
        # Adding the same file again keeps ids unique.
        run("add", project, os.path.join(SAMPLES, "001_76ee82237eabb591.txt"), "--story", "Crocus", check=0)
        header, stories = validate_project(project)
        self.assertEqual([a["id"] for a in stories[0]["articles"]],
                         ["001_76ee82237eabb591", "001_76ee82237eabb591-2"])


class Alignment(Base):
    """Links and facts: stored, exposed, kept across recomputation."""

    def test_links_facts_and_hand_links(self):
        project = self.path("a.crb")
        run("new", project, BUNDLED, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        by_id = {c["id"]: c for c in claims}
        for c in claims:
            self.assertIn("fact", c)
            self.assertIsInstance(c["links"], list)
            for link in c["links"]:
                self.assertIn(link["relation"], ("agrees", "conflicts", "related"))
                other = by_id[link["claim"]]
                self.assertEqual(other["article"], link["article"])
                self.assertNotEqual(other["article"], c["article"])
        facts = json_lines(run("facts", project, check=0).stdout)
        # Every claim is in exactly one fact.
        in_facts = [m["id"] for f in facts for m in f["claims"]]
        self.assertEqual(sorted(in_facts), sorted(by_id))
        for f in facts:
            self.assertEqual(f["single_source"], f["outlets"] <= 1)
            for m in f["claims"]:
                self.assertEqual(by_id[m["id"]]["fact"], f["id"])
        # The sample disagrees on the death toll: a contested fact exists.
        contested = json_lines(run("facts", project, "--contested", check=0).stdout)
        self.assertTrue(contested, "no conflict found in the sample")
        self.assertTrue(all(f["conflicts"] for f in contested))
        ordered = json_lines(run("claims", project, "--order", "contested", check=0).stdout)
        self.assertEqual(sorted(c["id"] for c in ordered), sorted(by_id))
        first_contested = {m["id"] for f in contested for m in f["claims"]}
        self.assertIn(ordered[0]["id"], first_contested)

        # Link two claims by hand, then unlink a pair; both survive adding articles.
        a = next(c for c in claims if c["article"] == "almera-courier")
        b = next(c for c in claims if c["article"] == "nordnews-digest" and
                 all(l["claim"] != a["id"] for l in a["links"]))
        run("link", project, a["id"], b["id"], "--relation", "conflicts", check=0)
        run("annotate", project, a["id"], "--confirm", check=0)
        after = {c["id"]: c for c in json_lines(run("claims", project, check=0).stdout)}
        self.assertIn({"claim": b["id"], "article": "nordnews-digest", "relation": "conflicts"}, after[a["id"]]["links"])
        self.assertEqual(after[a["id"]]["fact"], after[b["id"]]["fact"])
        linked = next(l for c in claims for l in c["links"] if c["article"] == "almera-courier" and c["id"] != a["id"])
        owner = next(c["id"] for c in claims if linked in c["links"])
        run("unlink", project, owner, linked["claim"], check=0)
        extra = self.write("more/extra.txt", "Seven people died when the Kessel Street bridge collapsed, officials said.\n")
        run("add", project, extra, "--story", "harbor-bridge", check=0)
        final = {c["id"]: c for c in json_lines(run("claims", project, check=0).stdout)}
        self.assertIn({"claim": b["id"], "article": "nordnews-digest", "relation": "conflicts"}, final[a["id"]]["links"])
        self.assertNotIn(linked["claim"], [l["claim"] for l in final[owner]["links"]])
        self.assertEqual(final[a["id"]]["status"], "confirmed")
        validate_project(project)

    def test_link_errors(self):
        project = self.path("a.crb")
        run("new", project, BUNDLED, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        same = [c["id"] for c in claims if c["article"] == "almera-courier"][:2]
        self.assertFails(["link", project, *same], 1, "same article")
        self.assertFails(["link", project, same[0], "nope:1"], 1, "nope:1")
        self.assertFails(["link", project, same[0], claims[-1]["id"], "--relation", "maybe"], 2, "unknown relation")
        self.assertFails(["link", project, same[0]], 2)
        self.assertFails(["claims", project, "--order", "random"], 2, "unknown order")


class ExternalExtractor(Base):
    """--extractor-command: a user's program proposes the claims; its output is checked."""

    FAKE = os.path.join(SOURCE, "tests", "fake-extractor.py")

    def cmd(self, mode):
        return f"/usr/bin/python3 {self.FAKE} {mode}"

    def test_good_extractor(self):
        article = self.write("in/a.txt", "Türkiye said 12 people were hurt. Nothing else happened! Police counted 3 cars.\n")
        claims = json_lines(run("extract", "--extractor-command", self.cmd("good"), article, check=0).stdout)
        # Sentences with a digit score 0.9, the others 0.3: the threshold keeps two.
        self.assertEqual([c["text"] for c in claims], ["Türkiye said 12 people were hurt.", "Police counted 3 cars."])
        with open(article, encoding="utf-8") as f:
            text = f.read().strip()
        for c in claims:
            self.assertEqual(text[c["start"]:c["end"]], c["text"])
            self.assertEqual(c["reasons"], ["fake extractor"])
        project = self.path("p.crb")
        run("new", project, "--extractor-command", self.cmd("good"), "--threshold", "0.1", article, check=0)
        stored = json_lines(run("claims", project, check=0).stdout)
        self.assertEqual(len(stored), 3)
        self.assertEqual(stored[0]["id"], "a:1")
        validate_project(project)

    def test_bad_extractors(self):
        article = self.write("in/a.txt", "The mayor said 12 people were hurt. Police counted 3 cars.\n")
        project = self.path("p.crb")
        cases = {
            "bad-span": "outside the article",
            "bad-text": "is not the article's text",
            "bad-kind": "unknown kind",
            "not-json": "not a JSON object",
            "crash": "exited with status 3: model file missing",
        }
        for mode, fragment in cases.items():
            self.assertFails(["new", project, "--extractor-command", self.cmd(mode), article], 1, fragment,
                             "fake-extractor.py")
            self.assertFalse(os.path.exists(project), f"{mode}: a project was written")
        self.assertFails(["extract", "--extractor-command", "/nonexistent/extractor", article], 1, "/nonexistent/extractor")
        started = time.monotonic()
        self.assertFails(["extract", "--extractor-command", self.cmd("hang"), "--extractor-timeout", "2", article], 1,
                         "did not finish within 2 seconds")
        self.assertLess(time.monotonic() - started, 30, "a hanging extractor hung the import")
        self.assertFails(["extract", "--extractor-timeout", "0", article], 2, "--extractor-timeout")


class BundledSample(Base):
    def test_sample(self):
        project = self.path("sample.crb")
        run("new", project, BUNDLED, check=0)
        header, stories = validate_project(project)
        articles = {a["id"]: a for a in stories[0]["articles"]}
        self.assertEqual(sorted(articles), ["almera-courier", "coastline-daily", "nordnews-digest"])
        self.assertEqual(articles["almera-courier"]["outlet"], "The Almera Courier")
        self.assertEqual(articles["coastline-daily"]["outlet"], "Coastline Daily")
        self.assertEqual(articles["nordnews-digest"]["date"], "2025-03-06")
        html = articles["coastline-daily"]["text"]
        self.assertNotIn("dataLayer", html)
        self.assertNotIn("<p>", html)
        claims = json_lines(run("claims", project, check=0).stdout)
        texts = " ".join(c["text"] for c in claims)
        # The differing figures are proposed as claims...
        self.assertIn("Seven people were killed", texts)
        self.assertIn("Nine people died", texts)
        self.assertIn("at least six people", texts)
        # ...and the boilerplate is not.
        for boilerplate in ("Follow us on WhatsApp", "Click here", "Picture:", "All rights reserved",
                            "Share this article"):
            self.assertNotIn(boilerplate, texts)


class BadInputs(Base):
    def test_usage_errors(self):
        self.assertFails(["frobnicate"], 2, "unknown command")
        self.assertFails(["new"], 2, "new needs")
        self.assertFails(["claims"], 2, "claims needs")
        self.assertFails(["claims", "a", "b"], 2)
        self.assertFails(["claims", "--bogus", "x.crb"], 2, "bogus")
        self.assertFails(["claims", "--status", "maybe", "x.crb"], 2, "unknown status")
        self.assertFails(["annotate", "x.crb", "c:1"], 2, "--confirm")
        self.assertFails(["annotate", "x.crb", "c:1", "--confirm", "--reject", "false"], 2, "only one")
        self.assertFails(["annotate", "x.crb", "c:1", "--reject", "boring"], 2, "unknown reject reason")
        self.assertFails(["extract", "--threshold", "3", SAMPLES], 2, "--threshold")
        self.assertFails(["export", "x.crb", "--format", "docx"], 2, "unknown format")
        p = run(check=None)
        self.assertEqual(p.returncode, 2)

    def test_help_and_version(self):
        p = run("--help", check=0)
        for command in ("new", "add", "extract", "claims", "annotate", "undo", "redo", "export", "validate", "stats"):
            self.assertIn(command, p.stdout)
        self.assertRegex(run("--version", check=0).stdout, r"^corroborate-cli \d+\.\d+\.\d+")
        self.assertIn("--reject", run("annotate", "--help", check=0).stdout)

    def test_bad_article_files(self):
        project = self.path("p.crb")
        empty = self.write("in/empty.txt", "")
        self.assertFails(["new", project, empty], 1, "empty.txt")
        binary = self.write("in/photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
        self.assertFails(["new", project, binary], 1, "photo.txt", "binary")
        self.assertFails(["new", project, self.path("nope.txt")], 1, "nope.txt")
        bad = self.write("in/bad.jsonl", '{"text": "fine"}\n{"title": "no text"}\n')
        self.assertFails(["new", project, bad], 1, "bad.jsonl:2", "text")
        broken = self.write("in/broken.jsonl", '{"text": "fine"}\n{oops\n')
        self.assertFails(["new", project, broken], 1, "broken.jsonl:2")
        # One bad file in a folder refuses the import: nothing half-made.
        self.write("dir/good.txt", "A good article with 12 facts.\n")
        self.write("dir/zero.txt", "")
        self.assertFails(["new", project, self.path("dir")], 1, "zero.txt")
        self.assertFalse(os.path.exists(project))
        # ...unless asked to skip it, with a warning naming it.
        p = run("new", project, "--skip-invalid", self.path("dir"), check=0)
        self.assertIn("zero.txt", p.stderr)
        self.assertIn("warning", p.stderr)

    def test_legacy_encoding_warns(self):
        text = "Жители Москвы сообщили, что 133 человека погибли в пятницу вечером.\n"
        path = self.write("in/cp1251.txt", text.encode("cp1251"))
        project = self.path("p.crb")
        p = run("new", project, path, check=0)
        self.assertIn("cp1251.txt", p.stderr)
        self.assertIn("1251", p.stderr)
        _, stories = validate_project(project)
        self.assertEqual(stories[0]["articles"][0]["text"], text)

    def test_refuses_to_overwrite(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        with open(project, "rb") as f:
            before = f.read()
        self.assertFails(["new", project, BUNDLED], 1, "exists", "--force")
        with open(project, "rb") as f:
            self.assertEqual(f.read(), before)
        run("new", "--force", project, BUNDLED, check=0)

    def test_validate_checks_recorded_sha256(self):
        # A story is read with the checksums its file recorded; validate
        # checks each against the text.
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        run("validate", project, check=0)
        with open(project, encoding="utf-8") as f:
            lines = f.read().splitlines()
        story = json.loads(lines[1])
        story["articles"][0]["sha256"] = "0" * 64
        lines[1] = json.dumps(story, ensure_ascii=False, separators=(",", ":"))
        with open(project, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        self.assertFails(["validate", project], 1, story["articles"][0]["id"], "sha256")
        # The export still says what the file recorded; validate is where it shows.
        export = json_lines(run("export", project, "--include-pending", check=0).stdout)
        first = [r for r in export if r["article"]["id"] == story["articles"][0]["id"]][0]
        self.assertEqual(first["article"]["sha256"], "0" * 64)

    def test_bad_project_files(self):
        cases = {
            "empty.crb": ("", "empty"),
            "text.crb": ("hello\n", "text.crb:1:"),
            "notproject.crb": ('{"hello": 1}\n', "not a Corroborate project"),
            "newer.crb": ('{"format":"corroborate-project","version":9,"id":"x"}\n', "version 9"),
            "truncated.crb": ('{"format":"corroborate-project","version":1,"id":"x",'
                              '"stories":[{"id":"s","articles":["a"],"claims":1}]}\n', "incomplete"),
        }
        for name, (content, fragment) in cases.items():
            path = self.write(name, content)
            for command in (["claims", path], ["stats", path], ["validate", path],
                            ["annotate", path, "a:1", "--confirm"], ["undo", path], ["export", path]):
                self.assertFails(command, 1, name, fragment)
                with open(path, encoding="utf-8") as f:
                    self.assertEqual(f.read(), content, f"{command} changed {name}")
        self.assertFails(["claims", self.path("missing.crb")], 1, "missing.crb", "no such file")

    def test_malformed_story_names_line_and_field(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        with open(project, encoding="utf-8") as f:
            header, story = f.read().splitlines()[:2]
        data = json.loads(story)
        data["claims"][1]["start"] = "seven"
        with open(project, "w", encoding="utf-8") as f:
            f.write(header + "\n" + json.dumps(data) + "\n")
        self.assertFails(["claims", project], 1, "p.crb:2:", "claims[1]", "“start”")
        self.assertFails(["validate", project], 1, "p.crb:2:")

    def test_unknown_claim_and_nothing_to_undo(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        self.assertFails(["annotate", project, "nope:1", "--confirm"], 1, "p.crb", "nope:1")
        self.assertFails(["undo", project], 1, "p.crb", "nothing to undo")
        self.assertFails(["redo", project], 1, "p.crb", "nothing to redo")

    def test_csv_export(self):
        import csv
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        note = 'a "quoted" note, with a comma\nand a line break — Çelik'
        run("annotate", project, claims[0]["id"], "--correct", "Seven, not nine, died", "--note", note, check=0)
        run("annotate", project, claims[1]["id"], "--reject", "false", check=0)
        out = self.path("out.csv")
        run("export", project, "--format", "csv", "-o", out, check=0)
        with open(out, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.endswith(b"\r\n"))
        with open(out, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), 2)
        by_id = {r["id"]: r for r in rows}
        first = by_id[claims[0]["id"]]
        self.assertEqual(first["claim"], "Seven, not nine, died")
        self.assertEqual(first["original"], claims[0]["text"])
        self.assertEqual(first["note"], note)
        self.assertEqual(first["status"], "corrected")
        self.assertEqual(by_id[claims[1]["id"]]["reason"], "false")
        self.assertEqual(first["article"], claims[0]["article"])
        self.assertEqual(int(first["start"]), claims[0]["start"])

    def test_claimreview_export(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        linked = next(c for c in claims if any(l["relation"] == "agrees" for l in c["links"]))
        others = [c for c in claims if c["id"] != linked["id"]]
        run("annotate", project, linked["id"], "--confirm", "--annotator", "Ana", check=0)
        run("annotate", project, others[0]["id"], "--correct", "Fixed text", check=0)
        run("annotate", project, others[1]["id"], "--reject", "false", check=0)
        run("annotate", project, others[2]["id"], "--reject", "opinion", check=0)
        p = run("export", project, "--format", "claimreview", check=0)
        self.assertIn("--review-url", p.stderr, "drafts say so")
        records = json_lines(p.stdout)
        self.assertEqual(len(records), 3, "opinion rejections are left out")
        validate_export(records, "claimreview")
        by_claim = {r["identifier"]: r for r in records}
        articles = {c["article"] for c in claims}
        for r in records:
            check_google_claimreview(self, r)
            # Without a base URL: drafts, marked so.
            self.assertEqual(r["creativeWorkStatus"], "Draft")
            self.assertEqual(r["url"], "urn:corroborate:claim:" + r["identifier"])
            dates = [a["datePublished"] for a in r["itemReviewed"].get("appearance", []) if "datePublished" in a]
            if dates:
                self.assertEqual(r["itemReviewed"]["firstAppearance"]["datePublished"], min(dates))
                self.assertEqual(r["itemReviewed"]["datePublished"], min(dates))
            for a in r["itemReviewed"].get("appearance", []):
                # Outlet names, never file ids.
                self.assertNotIn(a.get("publisher", {}).get("name"), articles)
        confirmed = by_claim[linked["id"]]
        self.assertEqual(confirmed["reviewRating"]["alternateName"], "True")
        self.assertEqual(confirmed["author"], {"@type": "Person", "name": "Ana"})
        # Its agreeing appearances in other outlets are listed, with what is known of them.
        appearances = confirmed["itemReviewed"]["appearance"]
        self.assertGreaterEqual(len(appearances), 2)
        almera = next(a for a in appearances if a.get("publisher", {}).get("name") == "The Almera Courier")
        self.assertEqual(almera["url"], "https://almera-courier.example/news/2025/03/05/kessel-bridge-collapse")
        self.assertEqual(almera["headline"], "Seven dead after Kessel Street bridge collapses in Port Almera")
        self.assertEqual(almera["datePublished"], "2025-03-05")
        self.assertEqual(by_claim[others[0]["id"]]["reviewRating"]["alternateName"], "Partly true")
        self.assertEqual(by_claim[others[0]["id"]]["reviewBody"], "Fixed text")
        self.assertEqual(by_claim[others[1]["id"]]["reviewRating"]["alternateName"], "False")

        # A publisher's reviews: urls under its base, the organization as author.
        records = json_lines(run("export", project, "--format", "claimreview", "--review-url",
                                 "https://checks.example.org/reviews/", "--author-org", "Example Checks",
                                 check=0).stdout)
        for r in records:
            check_google_claimreview(self, r)
            self.assertNotIn("creativeWorkStatus", r)
            self.assertEqual(r["url"], "https://checks.example.org/reviews/" + r["identifier"])
            self.assertEqual(r["author"], {"@type": "Organization", "name": "Example Checks"})
        validate_export(records, "claimreview")
        records = json_lines(run("export", project, "--format", "claimreview", "--review-url",
                                 "https://checks.example.org/review?id={id}&v=1", check=0).stdout)
        self.assertEqual({r["url"] for r in records},
                         {f"https://checks.example.org/review?id={r['identifier']}&v=1" for r in records})
        self.assertFails(["export", project, "--format", "claimreview", "--review-url", "checks/"], 2, "--review-url")
        self.assertFails(["export", project, "--format", "jsonl", "--review-url", "https://x.org/"], 2, "claimreview")
        self.assertFails(["export", project, "--format", "csv", "--author-org", "X"], 2, "claimreview")

    def test_splits_by_story(self):
        project = self.path("p.crb")
        corpus = self.write("corpus.jsonl", "".join(
            json.dumps({"id": f"a{i}", "story": f"Event {i // 2}",
                        "text": f"Officials said {i + 3} people were hurt in town {i} on Monday."}) + "\n"
            for i in range(40)))
        run("new", project, corpus, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        self.assertEqual(len({c["story"] for c in claims}), 20)
        out = self.path("splits")
        p = run("export", project, "--include-pending", "--split", "train=0.8,dev=0.1,test=0.1",
                "--seed", "7", "-o", out, check=0)
        self.assertIn("train.jsonl", p.stderr)
        stories = {}
        total = 0
        for name in ("train", "dev", "test"):
            with open(os.path.join(out, name + ".jsonl"), encoding="utf-8") as f:
                records = json_lines(f.read())
            stories[name] = {r["story"]["id"] for r in records}
            total += len(records)
        self.assertEqual(total, len(claims))
        # No event in two splits, and the shares are roughly kept.
        self.assertFalse(stories["train"] & stories["dev"] or stories["train"] & stories["test"]
                         or stories["dev"] & stories["test"])
        self.assertEqual(len(stories["train"]), 16)
        # The same seed gives the same files; another seed another split.
        out2 = self.path("splits2")
        run("export", project, "--include-pending", "--split", "train=0.8,dev=0.1,test=0.1", "--seed", "7",
            "-o", out2, check=0)
        for name in ("train", "dev", "test"):
            with open(os.path.join(out, name + ".jsonl"), "rb") as a, open(os.path.join(out2, name + ".jsonl"), "rb") as b:
                self.assertEqual(a.read(), b.read())
        self.assertFails(["export", project, "--split", "train=0.5,test=0.2", "-o", out], 2, "add up to 1")
        self.assertFails(["export", project, "--split", "train=0.8,test=0.2"], 2, "-o")
        self.assertFails(["export", project, "--split", "train:0.8", "-o", out], 2, "NAME=SHARE")

    def test_unwritable_export(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        self.assertFails(["export", project, "-o", self.path("no", "such", "dir.jsonl")], 1, "dir.jsonl")


class ImportCrashes(Base):
    """Issue 13: inputs that crashed the import.  Each ends in success or
    in exit status 1 with "corroborate-cli: FILE: message", never a crash."""

    def assertNoCrash(self, p):
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertNotIn("CRITICAL", p.stderr)

    def test_html_nbsp_in_head(self):
        bad = self.write("in/x.html", b"<head>\xa0")
        project = self.path("p.crb")
        p = self.assertFails(["new", project, bad], 1, "x.html: ")
        self.assertNoCrash(p)
        self.assertIn("corroborate-cli: " + bad + ": ", p.stderr)
        self.assertFalse(os.path.exists(project))
        run("new", project, self.write("in/good.txt", "A good article with 12 facts.\n"), check=0)
        p = self.assertFails(["add", project, bad], 1, "x.html: ")
        self.assertNoCrash(p)
        self.assertIn("corroborate-cli: " + bad + ": ", p.stderr)
        # With text after it, the page is an article.
        ok = self.write("in/y.html", b"<head>\xa0<p>Caf\xe9 open</p>")
        run("add", project, ok, check=0)
        _, stories = validate_project(project)
        self.assertIn("Café open", [a["text"] for a in stories[0]["articles"]])

    def test_short_files(self):
        project = self.path("p.crb")
        for name, data in [("a.txt", b"a"), ("b.md", b"-"), ("c.html", b"<"), ("d.txt", b"\xe2"),
                           ("e.txt", b"\xef\xbb\xbf"), ("f.txt", b"\xff\xfe")]:
            path = self.write("in/" + name, data)
            p = run("new", "--force", project, path)
            self.assertNoCrash(p)
            if p.returncode == 1:
                self.assertTrue(p.stderr.startswith("corroborate-cli: " + path + ": "), p.stderr)
        run("new", "--force", project, self.path("in", "a.txt"), check=0)
        _, stories = validate_project(project)
        self.assertEqual(stories[0]["articles"][0]["text"], "a")
        p = self.assertFails(["new", "--force", project, self.write("in/g.jsonl", b"{")], 1, "g.jsonl:1: ")
        self.assertNoCrash(p)


def sha256_file(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_as_python(path):
    """A text file as Python reads it: UTF-8, newlines untouched, and the
    byte order mark removed (Corroborate's decoding removes it too)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read()


class Verbatim(Base):
    """Issue 18, item 1: the stored text is the source's exactly, so every
    span slices the file or corpus text as Python reads it and every
    article's sha256 is its file's; metadata stays in the text, before
    body_start, and is never a claim.  Issue 13, item 8: sources are file
    names or relative paths, never absolute ones."""

    def check_project(self, project, texts):
        """texts: article id → the text it must have."""
        _, stories = validate_project(project)
        articles = {a["id"]: a for s in stories for a in s["articles"]}
        self.assertEqual(sorted(articles), sorted(texts))
        for aid, article in articles.items():
            self.assertEqual(article["text"], texts[aid], aid)
            self.assertEqual(article["sha256"], hashlib.sha256(texts[aid].encode("utf-8")).hexdigest())
            self.assertFalse(os.path.isabs(article["source"]), article["source"])
            self.assertNotIn(self.tmp, article["source"])
        claims = json_lines(run("claims", project, check=0).stdout)
        self.assertTrue(claims)
        for c in claims:
            article = articles[c["article"]]
            self.assertEqual(texts[c["article"]][c["start"]:c["end"]], c["text"], c["id"])
            self.assertGreaterEqual(c["start"], article.get("body_start", 0), c["id"])
        export = json_lines(run("export", project, "--format", "jsonl", "--include-pending", check=0).stdout)
        validate_export(export)
        for r in export:
            self.assertEqual(r["article"]["source"], articles[r["article"]["id"]]["source"])
            self.assertEqual(r["article"]["sha256"], articles[r["article"]["id"]]["sha256"])
            self.assertEqual(texts[r["article"]["id"]][r["span"]["start"]:r["span"]["end"]], r["original"])
        return articles, claims

    def test_shared_samples(self):
        project = self.path("crocus.crb")
        run("new", project, SAMPLES, check=0)
        files = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".txt"))
        texts = {n[:-4]: read_as_python(os.path.join(SAMPLES, n)) for n in files}
        articles, claims = self.check_project(project, texts)
        for name in files:
            article = articles[name[:-4]]
            self.assertEqual(article["source"], name)
            self.assertEqual(article["sha256"], sha256_file(os.path.join(SAMPLES, name)))
            self.assertNotIn("source_sha256", article)
        # what the extractor proposes (rules and model, default threshold)
        self.assertEqual(len(claims), 88)
        # A leading "date" line is metadata: kept, before the body.
        dated = articles["002_ac573e2a3b29c701"]
        self.assertEqual(dated["text"][:dated["body_start"]].split(), ["date", "2024-05-24"])

    def test_corpus(self):
        corpus = os.path.join(SOURCE, "tests", "data", "verbatim-corpus.jsonl")
        shutil.copy(corpus, self.path("verbatim-corpus.jsonl"))
        project = self.path("corpus.crb")
        run("new", project, self.path("verbatim-corpus.jsonl"), check=0)
        with open(corpus, encoding="utf-8", newline="") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        texts = {r["id"]: r["text"] for r in rows}
        articles, claims = self.check_project(project, texts)
        for n, r in enumerate(rows, 1):
            self.assertEqual(articles[r["id"]]["source"], f"verbatim-corpus.jsonl:{n}")
        self.assertIn("\r\n", articles["wire-crlf"]["text"])
        self.assertEqual(articles["dated"]["date"], "2024-05-24")
        self.assertEqual(articles["dated"]["body_start"], len("date 2024-05-24\n"))
        self.assertEqual(articles["front-matter"]["title"], "144 dead, officials said on 23 March 2024")
        self.assertEqual(articles["front-matter"]["outlet"], "Valley Times")
        self.assertGreater(articles["front-matter"]["body_start"], 0)
        self.assertEqual({c["article"] for c in claims}, set(texts))

    def test_names_starting_with_a_dash(self):
        # After "--", a name that starts with "-" is a file, not an option.
        self.write("in/-notes.txt", "Five people died on Monday, police said.\n")
        before = os.getcwd()
        os.chdir(self.path("in"))
        try:
            p = run("new", "--", "-p.crb", "-notes.txt", check=0)
            self.assertIn("created with 1 article", p.stdout)
            self.assertTrue(os.path.exists(self.path("in", "-p.crb")))
            stats = json.loads(run("stats", "--json", "--", "-p.crb", check=0).stdout)
            self.assertEqual(stats["articles"], 1)
            claim = json_lines(run("claims", "--", "-p.crb", check=0).stdout)[0]
            run("annotate", "--confirm", "--", "-p.crb", claim["id"], check=0)
            self.assertEqual(json_lines(run("claims", "--status", "confirmed", "--", "-p.crb", check=0).stdout)[0]["id"],
                             claim["id"])
            run("validate", "--", "-p.crb", check=0)
        finally:
            os.chdir(before)

    def test_corpus_escapes_refused(self):
        # A lone surrogate escape cannot be UTF-8, and "\u0000" would end
        # the text early: either line is refused by name, never imported
        # cut short or as bytes that would keep the project from opening.
        good = '{"id": "a", "text": "Five people died on Monday, police said."}'
        cases = [(field, '{"%s": "x\\ud800y", "text": "Six people died, police said."}' % field,
                  "unpaired surrogate") for field in ("title", "outlet", "url", "date", "id", "story")]
        cases.append(("text", '{"text": "Six people died,\\u0000 police said."}', "\\u0000"))
        for field, line, message in cases:
            with self.subTest(field):
                corpus = self.write("corpus.jsonl", good + "\n" + line + "\n")
                project = self.path("p.crb")
                self.assertFails(["new", project, corpus], 1, "corpus.jsonl:2", message)
                self.assertFalse(os.path.exists(project))

    def test_files(self):
        # Trailing spaces, CRLF, blank-line runs, metadata, a byte order
        # mark, a legacy encoding, sub-folders.
        raw = {
            "in/crlf.txt": "Bridge closes  \r\n\r\n\r\nThe bridge was closed on Monday, police said. \r\n".encode(),
            "in/sub/meta.md": ("---\ntitle: Floods\n---\ndate 2025-01-02\n\n"
                               "Floods cut off 12 villages in Zürich on Thursday.\t\n").encode(),
            "in/bom.txt": b"\xef\xbb\xbf" + "The council voted 31 to 7 on Monday, officials said.\n".encode(),
            "in/legacy.txt": "The café served 40 guests on Sunday, the owner said.\n".encode("cp1252"),
        }
        for name, data in raw.items():
            self.write(name, data)
        project = self.path("files.crb")
        run("new", project, self.path("in"), check=0)
        texts = {"crlf": read_as_python(self.path("in/crlf.txt")),
                 "meta": read_as_python(self.path("in/sub/meta.md")),
                 "bom": read_as_python(self.path("in/bom.txt")),
                 "legacy": raw["in/legacy.txt"].decode("cp1252")}
        articles, _ = self.check_project(project, texts)
        self.assertEqual(articles["meta"]["source"], "sub/meta.md")
        self.assertEqual(articles["crlf"]["source"], "crlf.txt")
        for aid in ("crlf", "meta"):
            self.assertEqual(articles[aid]["sha256"], sha256_file(self.path("in", articles[aid]["source"])))
            self.assertNotIn("source_sha256", articles[aid])
        # The text is not the file's bytes: the file's sha256 is recorded too.
        for aid in ("bom", "legacy"):
            self.assertEqual(articles[aid]["source_sha256"], sha256_file(self.path("in", aid + ".txt")))
        self.assertEqual(articles["meta"]["date"], "2025-01-02")
        self.assertTrue(articles["meta"]["text"][articles["meta"]["body_start"]:].startswith("Floods cut"))

    def test_html_source_sha256(self):
        page = self.write("in/page.html", "<html><head><title>Port fire</title></head><body>"
                          "<p>A fire burned for 6 hours at the port, firefighters said.</p></body></html>")
        project = self.path("p.crb")
        run("new", project, page, check=0)
        _, stories = validate_project(project)
        article = stories[0]["articles"][0]
        self.assertEqual(article["text"], "A fire burned for 6 hours at the port, firefighters said.")
        self.assertEqual(article["source"], "page.html")
        self.assertEqual(article["source_sha256"], sha256_file(page))
        export = json_lines(run("export", project, "--format", "jsonl", "--include-pending", check=0).stdout)
        self.assertTrue(export)
        validate_export(export)
        self.assertEqual(export[0]["article"]["source_sha256"], sha256_file(page))

    def test_external_extractor_skips_metadata(self):
        # A user's extractor sees the whole text; what it proposes in the
        # metadata is dropped, and the claims are numbered without gaps.
        article = self.write("in/a.md", "---\ntitle: 5 people were hurt.\n---\nPolice counted 3 cars. 2 more burned.\n")
        fake = f"/usr/bin/python3 {os.path.join(SOURCE, 'tests', 'fake-extractor.py')} good"
        claims = json_lines(run("extract", "--extractor-command", fake, article, check=0).stdout)
        self.assertEqual([c["text"] for c in claims], ["Police counted 3 cars.", "2 more burned."])
        project = self.path("p.crb")
        run("new", project, "--extractor-command", fake, article, check=0)
        stored = json_lines(run("claims", project, check=0).stdout)
        self.assertEqual([(c["id"], c["text"]) for c in stored], [("a:1", "Police counted 3 cars."), ("a:2", "2 more burned.")])

    def test_version_1_project_opens(self):
        # Written by the previous format: texts as they were stored (the
        # date line cut, spaces stripped), sha256 as recorded.
        old = os.path.join(SOURCE, "tests", "data", "project-v1.crb")
        project = self.path("old.crb")
        shutil.copy(old, project)
        with open(old, encoding="utf-8") as f:
            before = [json.loads(line) for line in f]
        self.assertEqual(before[0]["version"], 1)
        run("validate", project, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        texts = {a["id"]: a["text"] for a in before[1]["articles"]}
        for c in claims:
            self.assertEqual(texts[c["article"]][c["start"]:c["end"]], c["text"])
        run("annotate", project, claims[0]["id"], "--confirm", check=0)
        header, stories = validate_project(project)
        self.assertEqual(header["version"], 2)
        for a, b in zip(before[1]["articles"], stories[0]["articles"]):
            self.assertEqual((a["text"], a["sha256"]), (b["text"], b["sha256"]))
            self.assertNotIn("body_start", b)


def fever_strict_score(predictions, gold, max_evidence=5):
    """FEVER's strict score and label accuracy, written from the published
    scorer (sheffieldnlp/fever-scorer, fever_score() and its helpers): a
    prediction is strictly correct when its label is right and, unless the
    label is NOT ENOUGH INFO, one complete gold evidence group is a subset of
    its first max_evidence (5, the scorer's default) predicted sentences,
    given as [page, sentence] pairs with a string page and an integer line.
    The scorer itself cannot be installed here (no PyPI), so its checks are
    restated, including the format asserts it makes."""
    strict = correct = 0
    for pred, ref in zip(predictions, gold, strict=True):
        for item in pred["predicted_evidence"]:
            assert isinstance(item, list) and len(item) == 2, item
            assert isinstance(item[0], str) and isinstance(item[1], int), item
        if pred["predicted_label"].upper() != ref["label"].upper():
            continue
        correct += 1
        if ref["label"].upper() == "NOT ENOUGH INFO":
            strict += 1
        elif any(all([e[2], e[3]] in pred["predicted_evidence"][:max_evidence] for e in group)
                 for group in ref["evidence"]):
            strict += 1
    return strict / len(gold), correct / len(gold)


def fever_predictions(records):
    """Predictions equal to the records: their labels, their evidence sentences."""
    return [{"predicted_label": r["label"],
             "predicted_evidence": [[e[2], e[3]] for g in r["evidence"] for e in g if e[3] is not None]}
            for r in records]


# Google's fact check structured data, restated from its documentation
# (developers.google.com/search/docs/appearance/structured-data/factcheck):
# what it requires and recommends on each type.  Google lists author as
# recommended; Corroborate always writes it, so it is checked as required.
GOOGLE_CLAIMREVIEW = {
    "ClaimReview": {"required": ["claimReviewed", "reviewRating", "url", "author"],
                    "recommended": ["datePublished", "itemReviewed"]},
    "Rating": {"required": ["alternateName"],
               "recommended": ["bestRating", "name", "ratingValue", "worstRating"]},
    "Claim": {"required": [],
              "recommended": ["appearance", "author", "datePublished", "firstAppearance"]},
    "Organization": {"required": ["name"], "recommended": []},
    "Person": {"required": ["name"], "recommended": []},
}


def no_nulls(value, where="record"):
    """Paths of the nulls in a JSON value."""
    if value is None:
        return [where]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in no_nulls(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in no_nulls(v, f"{where}[{i}]")]
    return []


def check_google_claimreview(test, r):
    """One ClaimReview against Google's required and recommended properties:
    the required always there, the recommended whenever the project knows
    them (the review's day and claim always; the claim's author, date and
    appearances when its articles have an outlet, a date, a url or a
    title), and never a property without a value."""
    test.assertEqual(no_nulls(r), [], "a property without a value is left out")
    test.assertEqual(r["@context"], "https://schema.org")
    test.assertEqual(r["@type"], "ClaimReview")

    def check(obj, kind, recommended_known):
        test.assertEqual(obj["@type"], kind)
        for key in GOOGLE_CLAIMREVIEW[kind]["required"]:
            test.assertTrue(obj.get(key), f"{kind}.{key} is required")
        for key in GOOGLE_CLAIMREVIEW[kind]["recommended"]:
            if key in recommended_known:
                test.assertIn(key, obj, f"{kind}.{key} is recommended and known")
        for key, value in obj.items():
            test.assertNotEqual(value, "", f"{kind}.{key} is empty")

    check(r, "ClaimReview", {"datePublished", "itemReviewed"})
    check(r["reviewRating"], "Rating", {"bestRating", "name", "ratingValue", "worstRating"})
    test.assertTrue(r["reviewRating"]["ratingExplanation"])
    check(r["author"], r["author"]["@type"], set())
    claim = r["itemReviewed"]
    works = claim.get("appearance", [])
    known = set()
    if works:
        known |= {"appearance", "firstAppearance"}
    if any("datePublished" in w for w in works):
        known.add("datePublished")
    check(claim, "Claim", known)
    for work in works + ([claim["firstAppearance"]] if "firstAppearance" in claim else []):
        test.assertEqual(work["@type"], "CreativeWork")
        test.assertGreater(len(work), 1, "an appearance says something of its article")
        if "publisher" in work:
            check(work["publisher"], "Organization", set())
    if "author" in claim:
        check(claim["author"], "Organization", set())
    props = {p["propertyID"]: p["value"] for p in r["additionalProperty"]}
    test.assertEqual(set(props), {"outletsAgreeing", "outletsConflicting", "decidedAgainstConflict"})


class Fever(Base):
    """FEVER records on a hand-made review of the bundled sample."""

    def test_fever_mapping_and_scorer(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        claims = {c["id"]: c for c in json_lines(run("claims", project, check=0).stdout)}
        agreeing = "almera-courier:2"      # agrees with two claims of nordnews-digest
        conflicting = "coastline-daily:2"  # conflicts with almera-courier:1 and :2
        self.assertTrue(any(l["relation"] == "agrees" for l in claims[agreeing]["links"]))
        self.assertTrue(any(l["relation"] == "conflicts" for l in claims[conflicting]["links"]))
        corrected_text = 'Seven "people" died,\nnot nine — Wręblewski'
        run("annotate", project, agreeing, "--confirm", check=0)
        run("annotate", project, "almera-courier:4", "--correct", corrected_text, check=0)
        run("annotate", project, conflicting, "--reject", "false", check=0)
        run("annotate", project, "almera-courier:5", "--reject", "unverifiable", check=0)
        run("annotate", project, "almera-courier:6", "--reject", "opinion", check=0)
        run("annotate", project, "almera-courier:7", "--reject", "duplicate", check=0)
        # A rejected agreeing appearance is no evidence.
        run("annotate", project, "nordnews-digest:3", "--reject", "wrong-span", check=0)

        out = self.path("fever.jsonl")
        p = run("export", project, "--format", "fever", "-o", out, check=0)
        self.assertIn("wrote 4 records", p.stderr)
        with open(out, encoding="utf-8") as f:
            records = json_lines(f.read())
        with open(self.path("fever.sentences.jsonl"), encoding="utf-8") as f:
            sentences = {(r["page"], r["sentence_id"]): r for r in json_lines(f.read())}

        validate_export(records, "fever")
        validate_export(sentences.values(), "fever_sentence")
        for r in records:
            self.assertEqual(set(r), {"id", "verifiable", "label", "claim", "evidence"})
            self.assertIsInstance(r["id"], int)
        self.assertEqual(len({r["id"] for r in records}), len(records))
        by_label = {}
        for r in records:
            by_label.setdefault(r["label"], []).append(r)
        self.assertEqual(sorted((k, len(v)) for k, v in by_label.items()),
                         [("NOT ENOUGH INFO", 2), ("REFUTES", 1), ("SUPPORTS", 1)])

        def pages_and_text(record):
            found = []
            for group in record["evidence"]:
                self.assertEqual(len(group), 1)
                ann, ev, page, sid = group[0]
                self.assertEqual(ann, record["id"])
                self.assertIsInstance(ev, int)
                found.append((page, sentences[(page, sid)]["text"]))
            return found

        def quote_in(pages, claim_id):
            c = claims[claim_id]
            return any(page == c["article"] and c["text"] in text for page, text in pages)

        # Evidence comes from other articles only: never the claim's own.
        supports = {r["claim"]: r for r in by_label["SUPPORTS"]}
        confirmed = supports[claims[agreeing]["text"]]
        self.assertEqual(confirmed["verifiable"], "VERIFIABLE")
        ev = pages_and_text(confirmed)
        self.assertNotIn(claims[agreeing]["article"], [page for page, _ in ev], "not its own sentence")
        self.assertTrue(quote_in(ev, "nordnews-digest:1"), "an agreeing appearance")
        self.assertFalse(any(p == "nordnews-digest" and claims["nordnews-digest:3"]["text"] in t for p, t in ev),
                         "a rejected appearance is left out")
        # The correction: no other article says it, so there is not enough info,
        # and its original text is not refuted by its own sentence.
        nei = {r["claim"]: r for r in by_label["NOT ENOUGH INFO"]}
        self.assertEqual(nei[corrected_text]["evidence"], [[[nei[corrected_text]["id"], None, None, None]]])
        self.assertNotIn(claims["almera-courier:4"]["text"], [r["claim"] for r in records])
        false = by_label["REFUTES"][0]
        self.assertEqual(false["claim"], claims[conflicting]["text"])
        ev = pages_and_text(false)
        self.assertNotIn(claims[conflicting]["article"], [page for page, _ in ev])
        self.assertTrue(quote_in(ev, "almera-courier:1"), "a conflicting appearance")
        unverifiable = nei[claims["almera-courier:5"]["text"]]
        self.assertEqual(unverifiable["verifiable"], "NOT VERIFIABLE")
        self.assertEqual(unverifiable["evidence"], [[[unverifiable["id"], None, None, None]]])

        # Every article's sentences, in order, slice the article text at their spans.
        export = json_lines(run("export", project, "--include-pending", check=0).stdout)
        validate_export(export)
        texts = {r["article"]["id"]: r["article"]["text"] for r in export if "text" in r["article"]}
        for (page, sid), row in sentences.items():
            self.assertEqual(texts[page][row["span"]["start"]:row["span"]["end"]], row["text"])
        for page in texts:
            ids = sorted(sid for p, sid in sentences if p == page)
            self.assertEqual(ids, list(range(len(ids))))

        # Predictions equal to the gold records score 1.0; a wrong one does not.
        predictions = fever_predictions(records)
        self.assertEqual(fever_strict_score(predictions, records), (1.0, 1.0))
        predictions[0] = dict(predictions[0], predicted_evidence=[])
        self.assertLess(fever_strict_score(predictions, records)[0], 1.0)

        # Deterministic, and the splits write their sentence tables too.
        run("export", project, "--format", "fever", "-o", self.path("again.jsonl"), check=0)
        with open(out, "rb") as a, open(self.path("again.jsonl"), "rb") as b:
            self.assertEqual(a.read(), b.read())
        run("export", project, "--format", "fever", "--split", "train=0.5,test=0.5", "-o", self.path("s"), check=0)
        self.assertTrue(os.path.exists(self.path("s", "train.sentences.jsonl")))
        # On standard output, the sentence table needs a place.
        self.assertFails(["export", project, "--format", "fever"], 2, "--sentences")
        p = run("export", project, "--format", "fever", "--sentences", self.path("t.jsonl"), check=0)
        self.assertEqual(len(json_lines(p.stdout)), 4)
        self.assertFails(["export", project, "--format", "fever", "-o", self.path("x.jsonl"),
                          "--sentences", self.path("no", "dir", "t.jsonl")], 1, "t.jsonl")


    def test_sentences_skip_metadata(self):
        """The sentence table holds the body of each article, not its
        metadata lines (front matter, a leading date line)."""
        corpus = self.path("verbatim-corpus.jsonl")
        shutil.copy(os.path.join(SOURCE, "tests", "data", "verbatim-corpus.jsonl"), corpus)
        project = self.path("p.crb")
        run("new", project, corpus, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        for article in ("dated", "front-matter"):
            claim = next(c for c in claims if c["article"] == article)
            run("annotate", project, claim["id"], "--confirm", check=0)
        run("export", project, "--format", "fever", "-o", self.path("fever.jsonl"), check=0)
        with open(self.path("fever.sentences.jsonl"), encoding="utf-8") as f:
            rows = json_lines(f.read())
        export = json_lines(run("export", project, "--include-pending", check=0).stdout)
        articles = {r["article"]["id"]: r["article"] for r in export if "text" in r["article"]}
        for article in ("dated", "front-matter"):
            a = articles[article]
            self.assertGreater(a["body_start"], 0)
            mine = [r for r in rows if r["page"] == article]
            self.assertTrue(mine)
            self.assertEqual([r["sentence_id"] for r in mine], list(range(len(mine))))
            for r in mine:
                self.assertGreaterEqual(r["span"]["start"], a["body_start"], r["text"])
                self.assertEqual(a["text"][r["span"]["start"]:r["span"]["end"]], r["text"])
            self.assertNotIn("date 2024-05-24", [r["text"] for r in mine])
            self.assertFalse(any(r["text"].startswith(("---", "title:", "outlet:")) for r in mine))

    def test_evidence_from_other_articles(self):
        """Corrections, --require-evidence and --self-evidence on six outlets reporting one fire."""
        project = self.path("p.crb")
        run("new", project, harlow_corpus(self), check=0)
        claims = {c["id"]: c for c in json_lines(run("claims", project, check=0).stdout)}
        links = {i: {l["claim"]: l["relation"] for l in c["links"]} for i, c in claims.items()}
        self.assertEqual(links["f:1"], {"a:1": "agrees", "b:1": "conflicts", "c:1": "conflicts",
                                        "d:1": "conflicts", "e:1": "conflicts"})
        run("annotate", project, "f:1", "--confirm", check=0)                         # seven
        run("annotate", project, "b:1", "--correct", claims["a:1"]["text"], check=0)  # nine → seven
        run("annotate", project, "c:1", "--reject", "false", check=0)                 # nine
        run("annotate", project, "d:1", "--confirm", check=0)                         # nine
        run("annotate", project, "e:1", "--reject", "unverifiable", check=0)
        run("annotate", project, "g:1", "--confirm", check=0)                         # reported once

        out = self.path("fever.jsonl")
        run("export", project, "--format", "fever", "-o", out, check=0)
        with open(out, encoding="utf-8") as f:
            records = json_lines(f.read())
        validate_export(records, "fever")
        with open(self.path("fever.sentences.jsonl"), encoding="utf-8") as f:
            sentences = {(r["page"], r["sentence_id"]): r for r in json_lines(f.read())}

        def evidence_pages(record):
            return sorted(e[2] for g in record["evidence"] for e in g)

        text = {i: c["text"] for i, c in claims.items()}
        self.assertEqual([(r["label"], r["claim"], evidence_pages(r)) for r in records], [
            # b's correction: a says it, and f, confirmed, contradicts b's original
            ("SUPPORTS", text["a:1"], ["a", "f"]),
            # b's original: its conflicting appearances and those agreeing with the correction
            ("REFUTES", text["b:1"], ["a", "f"]),
            # c, false: its conflicting appearances
            ("REFUTES", text["c:1"], ["a", "f"]),
            # d: its agreeing appearances, but for c and e, which reviewers rejected
            ("SUPPORTS", text["d:1"], ["b"]),
            ("NOT ENOUGH INFO", text["e:1"], [None]),
            ("SUPPORTS", text["f:1"], ["a"]),
            # g: no other article reports it
            ("NOT ENOUGH INFO", text["g:1"], [None]),
        ])
        # No record's evidence is its own claim's sentence; every one is in the table.
        for r, source in zip(records, ["b", "b", "c", "d", "e", "f", "g"], strict=True):
            for g in r["evidence"]:
                for e in g:
                    if e[2] is not None:
                        self.assertNotEqual(e[2], source, r)
                        self.assertIn((e[2], e[3]), sentences)
        self.assertEqual(fever_strict_score(fever_predictions(records), records), (1.0, 1.0))

        # --require-evidence leaves out what no other article supports; the
        # unverifiable rejection stays, as the reviewer decided it.
        records = json_lines(run("export", project, "--format", "fever", "--require-evidence",
                                 "--sentences", self.path("s.jsonl"), check=0).stdout)
        self.assertEqual([(r["label"], r["claim"]) for r in records if r["label"] == "NOT ENOUGH INFO"],
                         [("NOT ENOUGH INFO", text["e:1"])])
        self.assertEqual(len(records), 6)
        self.assertEqual(fever_strict_score(fever_predictions(records), records), (1.0, 1.0))
        # --self-evidence: the claim's own sentence too, as before.
        records = json_lines(run("export", project, "--format", "fever", "--self-evidence",
                                 "--sentences", self.path("s.jsonl"), check=0).stdout)
        g = next(r for r in records if r["claim"] == claims["g:1"]["text"])
        self.assertEqual((g["label"], evidence_pages(g)), ("SUPPORTS", ["g"]))
        self.assertEqual(fever_strict_score(fever_predictions(records), records), (1.0, 1.0))
        self.assertFails(["export", project, "--format", "fever", "--self-evidence", "--require-evidence",
                          "-o", out], 2, "--self-evidence")
        self.assertFails(["export", project, "--format", "jsonl", "--require-evidence"], 2, "fever")


def harlow_corpus(test):
    """Six outlets on one fire: a and f say seven died, b to e nine; g says
    something nobody else reports."""
    texts = [
        ("a", "Seven people were killed when a fire tore through the Harlow market on Monday, police said."),
        ("b", "Nine people were killed when a fire tore through the Harlow market on Monday, police said."),
        ("c", "Nine people died after a fire tore through the Harlow market on Monday, according to police."),
        ("d", "A fire at the Harlow market on Monday killed nine people, police said."),
        ("e", "Police said nine people were killed in a fire at the Harlow market on Monday."),
        ("f", "Seven people were killed in the Harlow market fire on Monday, the fire service said."),
        ("g", "The Harlow council said the market would reopen in March after repairs costing 2 million euros."),
    ]
    return test.write("harlow.jsonl", "".join(
        json.dumps({"id": i, "story": "Harlow market fire", "outlet": f"Daily {i.upper()}",
                    "title": f"Fire at Harlow market ({i})", "url": f"https://{i}.example/harlow-fire",
                    "date": "2025-01-06", "text": text}) + "\n"
        for i, text in texts))


class Publishing(Base):
    """What a published dataset carries: conflicts, reviewers' names, and a dataset folder."""

    def test_conflicts_kept(self):
        project = self.path("p.crb")
        run("new", project, harlow_corpus(self), check=0)
        run("annotate", project, "f:1", "--confirm", check=0)   # seven, where b to e say nine
        run("annotate", project, "b:1", "--confirm", check=0)
        run("annotate", project, "c:1", "--reject", "false", check=0)
        native = {r["id"]: r for r in json_lines(run("export", project, "--include-pending", check=0).stdout)}
        validate_export(native.values())
        self.assertEqual(native["f:1"]["corroboration"],
                         {"agree": 1, "conflict": 3, "decided_against_conflict": True},
                         "c, rejected as false, no longer contradicts it")
        self.assertEqual(native["b:1"]["corroboration"],
                         {"agree": 2, "conflict": 2, "decided_against_conflict": True})
        self.assertEqual(native["g:1"]["corroboration"],
                         {"agree": 0, "conflict": 0, "decided_against_conflict": False})
        self.assertEqual(native["a:1"]["corroboration"]["decided_against_conflict"], False, "pending")

        run("annotate", project, "c:1", "--pending", check=0)
        reviews = {r["identifier"]: r for r in
                   json_lines(run("export", project, "--format", "claimreview", check=0).stdout)}
        validate_export(reviews.values(), "claimreview")
        f = reviews["f:1"]
        check_google_claimreview(self, f)
        self.assertEqual(f["reviewRating"]["alternateName"], "True")
        self.assertEqual(f["reviewRating"]["ratingExplanation"],
                         "Confirmed by the reviewer although 4 other outlets contradict it (1 agrees).")
        self.assertEqual({p["propertyID"]: p["value"] for p in f["additionalProperty"]},
                         {"outletsAgreeing": 1, "outletsConflicting": 4, "decidedAgainstConflict": True})
        self.assertEqual(f["itemReviewed"]["author"], {"@type": "Organization", "name": "Daily F"})
        self.assertEqual(f["itemReviewed"]["datePublished"], "2025-01-06")
        self.assertEqual([a["url"] for a in f["itemReviewed"]["appearance"]],
                         ["https://f.example/harlow-fire", "https://a.example/harlow-fire"])

    def test_annotators(self):
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        run("annotate", project, "coastline-daily:1", "--confirm", "--annotator", "Bob Brown", check=0)
        run("annotate", project, "almera-courier:2", "--confirm", "--annotator", "Ana Ñúñez", check=0)
        run("annotate", project, "almera-courier:3", "--reject", "false", "--annotator", "Bob Brown", check=0)
        run("annotate", project, "nordnews-digest:1", "--confirm", "--annotator", "Ana Ñúñez", check=0)

        # Pseudonyms in project order (almera-courier comes first), the same in every format.
        for fmt in ("jsonl", "csv", "claimreview"):
            out = run("export", project, "--format", fmt, "--anonymize-annotators", check=0).stdout
            self.assertNotIn("Ana", out, fmt)
            self.assertNotIn("Bob", out, fmt)
        native = {r["id"]: r["annotator"] for r in
                  json_lines(run("export", project, "--anonymize-annotators", check=0).stdout)}
        self.assertEqual(native, {"almera-courier:2": "annotator-1", "almera-courier:3": "annotator-2",
                                  "coastline-daily:1": "annotator-2", "nordnews-digest:1": "annotator-1"})
        reviews = json_lines(run("export", project, "--format", "claimreview", "--anonymize-annotators",
                                 check=0).stdout)
        self.assertEqual({r["identifier"]: r["author"]["name"] for r in reviews}, native)
        # Each split file keeps the pseudonyms of the whole project.
        out = self.path("splits")
        run("export", project, "--split", "a=0.5,b=0.5", "--anonymize-annotators", "-o", out, check=0)
        split_names = {}
        for name in ("a", "b"):
            with open(os.path.join(out, name + ".jsonl"), encoding="utf-8") as f:
                split_names.update({r["id"]: r["annotator"] for r in json_lines(f.read())})
        self.assertEqual(split_names, native)

        # A decision without a name is "anonymous", in every format.
        export = json_lines(run("export", project, "--include-pending", check=0).stdout)
        for r in export:
            if r["id"] == "almera-courier:2":
                r["annotator"] = None
        source = self.write("nameless.jsonl", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in export))
        nameless = self.path("nameless.crb")
        run("new", nameless, "--from-export", source, check=0)
        native = {r["id"]: r for r in json_lines(run("export", nameless, check=0).stdout)}
        self.assertEqual(native["almera-courier:2"]["annotator"], "anonymous")
        validate_export(native.values())
        import csv
        rows = {row["id"]: row for row in csv.DictReader(
            run("export", nameless, "--format", "csv", check=0).stdout.splitlines())}
        self.assertEqual(rows["almera-courier:2"]["annotator"], "anonymous")
        reviews = {r["identifier"]: r for r in
                   json_lines(run("export", nameless, "--format", "claimreview", check=0).stdout)}
        self.assertEqual(reviews["almera-courier:2"]["author"], {"@type": "Person", "name": "anonymous"})
        anonymized = {r["id"]: r["annotator"] for r in
                      json_lines(run("export", nameless, "--anonymize-annotators", check=0).stdout)}
        self.assertEqual(anonymized["almera-courier:2"], "anonymous")
        self.assertEqual(anonymized["almera-courier:3"], "annotator-1")

    def test_dataset(self):
        import yaml
        project = self.path("p.crb")
        corpus = self.write("corpus.jsonl", "".join(
            json.dumps({"id": f"a{i}", "story": f"Event {i // 2}", "outlet": f"Outlet {i % 2}",
                        "text": f"Officials said {i + 3} people were hurt in town {i // 2} on Monday."}) + "\n"
            for i in range(40)))
        run("new", project, corpus, check=0)
        claims = json_lines(run("claims", project, check=0).stdout)
        for n, c in enumerate(claims):
            if n % 3 == 0:
                run("annotate", project, c["id"], "--confirm", "--annotator", "Ana", check=0)
            elif n % 3 == 1:
                run("annotate", project, c["id"], "--reject", "false", "--annotator", "Bob", check=0)
        out = self.path("dataset")
        p = run("export", project, "--format", "dataset", "-o", out, "--anonymize-annotators",
                "--license", "cc-by-4.0", "--title", "Town injuries", check=0)
        self.assertIn("wrote", p.stderr)
        written = sorted(os.listdir(out))
        self.assertEqual(written, ["README.md", "dev.jsonl", "export.schema.json", "sentences.jsonl",
                                   "test.jsonl", "train.jsonl"])

        # The card: YAML front matter in the Hub's form, naming every file.
        with open(os.path.join(out, "README.md"), encoding="utf-8") as f:
            card = f.read()
        self.assertTrue(card.startswith("---\n"))
        front, body = card[4:].split("\n---\n", 1)
        meta = yaml.safe_load(front)
        self.assertEqual(meta["pretty_name"], "Town injuries")
        self.assertEqual(meta["license"], "cc-by-4.0")
        self.assertEqual(meta["language"], ["en"])
        self.assertEqual(meta["task_categories"], ["text-classification"])
        self.assertIn("fact-checking", meta["task_ids"])
        self.assertEqual(meta["size_categories"], ["n<1K"])
        configs = {c["config_name"]: c for c in meta["configs"]}
        self.assertEqual(set(configs), {"default", "sentences"})
        self.assertTrue(configs["default"]["default"])
        data_files = {d["path"]: d["split"] for c in meta["configs"] for d in c["data_files"]}
        self.assertEqual(data_files, {"train.jsonl": "train", "dev.jsonl": "dev", "test.jsonl": "test",
                                      "sentences.jsonl": "sentences"})
        self.assertEqual(set(data_files), {n for n in written if n.endswith(".jsonl")})
        for name in written:
            self.assertIn(f"`{name}`", body, f"the card names {name}")

        # The schema is the project's, and every record and sentence validates against it.
        with open(os.path.join(out, "export.schema.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), EXPORT_SCHEMA)
        records = {}
        for name in ("train", "dev", "test"):
            with open(os.path.join(out, name + ".jsonl"), encoding="utf-8") as f:
                records[name] = json_lines(f.read())
            validate_export(records[name])
        with open(os.path.join(out, "sentences.jsonl"), encoding="utf-8") as f:
            sentences = json_lines(f.read())
        validate_export(sentences, "fever_sentence")
        self.assertEqual(len({(s["page"], s["sentence_id"]) for s in sentences}), len(sentences))
        self.assertEqual({s["page"] for s in sentences}, {c["article"] for c in claims})
        total = sum(len(r) for r in records.values())
        self.assertEqual(total, sum(1 for n in range(len(claims)) if n % 3 != 2))
        stories = {name: {r["story"]["id"] for r in recs} for name, recs in records.items()}
        self.assertFalse(stories["train"] & stories["dev"] or stories["train"] & stories["test"]
                         or stories["dev"] & stories["test"])
        self.assertTrue(records["dev"] and records["test"])

        # The features are the schema's members, with their types, and the splits' sizes are right.
        info = {c["config_name"]: c for c in meta["dataset_info"]}

        def check_features(features, schema):
            props = schema.get("properties")
            if "$ref" in schema:
                return check_features(features, EXPORT_SCHEMA["definitions"][schema["$ref"].split("/")[-1]])
            self.assertEqual([f["name"] for f in features if f["name"] in props], [f["name"] for f in features])
            self.assertEqual({f["name"] for f in features}, set(props))
            for f in features:
                sub = props[f["name"]]
                if "struct" in f:
                    check_features(f["struct"], sub)
                elif "list" in f:
                    check_features(f["list"], sub["items"])
                else:
                    self.assertTrue(f.get("dtype") or f.get("sequence"), f)

        record_schema = EXPORT_SCHEMA["definitions"]["record"]
        check_features([f for f in info["default"]["features"] if f["name"] != "values"],
                       {"properties": {k: v for k, v in record_schema["properties"].items() if k != "values"}})
        check_features(info["sentences"]["features"], EXPORT_SCHEMA["definitions"]["fever_sentence"])
        self.assertEqual({s["name"]: s["num_examples"] for s in info["default"]["splits"]},
                         {name: len(recs) for name, recs in records.items()})

        # Reviewers: listed by pseudonym with their decisions; no names.
        self.assertIn("| annotator-1 |", body)
        self.assertIn("| annotator-2 |", body)
        self.assertNotIn("Ana", card)
        self.assertIn("Agreement", body)

        # Again: the same bytes.
        again = self.path("again")
        run("export", project, "--format", "dataset", "-o", again, "--anonymize-annotators",
            "--license", "cc-by-4.0", "--title", "Town injuries", check=0)
        for name in written:
            with open(os.path.join(out, name), "rb") as a, open(os.path.join(again, name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)
        self.assertFails(["export", project, "--format", "dataset"], 2, "-o")
        self.assertFails(["export", project, "--format", "jsonl", "--license", "mit"], 2, "dataset")


class RoundTrip(Base):
    """new --from-export rebuilds the articles, claims and decisions of a native export."""

    CORRECTION = 'Seven people — not “nine” — died,\nthe "fire service" said; Çelik: 🙂'

    def decide_every_kind(self, project):
        claims = json_lines(run("claims", project, check=0).stdout)
        ids = [c["id"] for c in claims]
        self.assertGreater(len(ids), 10)
        run("annotate", project, ids[0], "--confirm", "--annotator", "Ana Ñúñez", check=0)
        run("annotate", project, ids[1], "--correct", self.CORRECTION,
            "--note", 'line one\nline "two", \\ and a tab\t', check=0)
        reasons = ["false", "unverifiable", "opinion", "not-a-claim", "duplicate", "wrong-span"]
        for claim, reason in zip(ids[2:], reasons):
            run("annotate", project, claim, "--reject", reason, "--note", f"why: {reason}", check=0)
        # A decision changed later: only the current one counts.
        run("annotate", project, ids[8], "--confirm", check=0)
        run("annotate", project, ids[8], "--reject", "false", check=0)
        # A link by hand between claims of two articles.
        other = next(c for c in claims if c["article"] != claims[0]["article"] and
                     all(l["claim"] != ids[0] for l in claims[0]["links"]))
        run("link", project, ids[0], other["id"], "--relation", "conflicts", check=0)
        return ids

    def articles_of(self, project):
        header, stories = validate_project(project)
        return [(s["story"], s["title"], s["articles"]) for s in stories]

    def claims_of(self, project):
        header, stories = validate_project(project)
        return [c for s in stories for c in s["claims"]]

    def check_round_trip(self, source):
        original = self.path("original.crb")
        run("new", original, source, check=0)
        ids = self.decide_every_kind(original)
        export = self.path("export.jsonl")
        run("export", original, "--include-pending", "-o", export, check=0)
        with open(export, encoding="utf-8") as f:
            records = json_lines(f.read())
        self.assertEqual(len(records), len(json_lines(run("claims", original, check=0).stdout)))
        validate_export(records)
        # Each article's text rides on its first record only.
        seen = set()
        for r in records:
            self.assertEqual("text" in r["article"], r["article"]["id"] not in seen)
            seen.add(r["article"]["id"])
        # The link by hand says so in the evidence; the aligner's do not.
        evidence = [e for r in records if r["id"] == ids[0] for e in r["evidence"]]
        self.assertEqual([e["relation"] for e in evidence if e["manual"]], ["conflicts"])
        self.assertTrue(all(not e["manual"] for r in records if r["id"] not in (ids[0],)
                            for e in r["evidence"] if e["claim"] != ids[0]))

        rebuilt = self.path("rebuilt.crb")
        p = run("new", rebuilt, "--from-export", export, check=0)
        self.assertIn("created with", p.stdout)

        # The same claims: ids, spans, texts, kinds, scores, values,
        # decisions, facts and links, in the same order.
        before = json_lines(run("claims", original, check=0).stdout)
        after = json_lines(run("claims", rebuilt, check=0).stdout)
        self.assertEqual([c["id"] for c in after], [c["id"] for c in before])
        self.assertEqual(after, before)
        by_id = {c["id"]: c for c in after}
        self.assertEqual(by_id[ids[1]]["decision"]["corrected"], self.CORRECTION)
        self.assertEqual(by_id[ids[0]]["decision"]["annotator"], "Ana Ñúñez")
        self.assertEqual(sorted(by_id[c]["decision"]["reason"] for c in ids[2:8]),
                         sorted(["false", "unverifiable", "opinion", "not-a-claim", "duplicate", "wrong-span"]))
        self.assertEqual(by_id[ids[8]]["decision"]["reason"], "false")
        self.assertTrue(any(l["relation"] == "conflicts" for l in by_id[ids[0]]["links"]))

        # The project files hold the same stories, articles (text, sha256,
        # metadata) and claims with their decisions.
        self.assertEqual(self.articles_of(rebuilt), self.articles_of(original))
        self.assertEqual(self.claims_of(rebuilt), self.claims_of(original))
        stats = json.loads(run("stats", rebuilt, "--json", check=0).stdout)
        self.assertEqual((stats["confirmed"], stats["corrected"], stats["rejected"]), (1, 1, 7))
        run("validate", rebuilt, check=0)

        # Exporting the rebuilt project gives the same bytes: `source` too,
        # which keeps naming where each article was first imported from.
        again = self.path("again.jsonl")
        run("export", rebuilt, "--include-pending", "-o", again, check=0)
        with open(export, "rb") as a, open(again, "rb") as b:
            self.assertEqual(b.read(), a.read())
        for fmt in ("jsonl", "csv", "claimreview"):
            self.assertEqual(run("export", rebuilt, "--format", fmt, check=0).stdout,
                             run("export", original, "--format", fmt, check=0).stdout, fmt)

    def test_bundled_sample(self):
        self.check_round_trip(BUNDLED)

    def test_real_articles(self):
        self.check_round_trip(SAMPLES)

    def test_rebuilt_project_takes_decisions(self):
        original = self.path("original.crb")
        run("new", original, BUNDLED, check=0)
        export = self.path("export.jsonl")
        run("export", original, "--include-pending", "-o", export, check=0)
        rebuilt = self.path("rebuilt.crb")
        run("new", rebuilt, "--from-export", export, "--title", "Again", check=0)
        header, _ = validate_project(rebuilt)
        self.assertEqual(header["title"], "Again")
        claim = json_lines(run("claims", rebuilt, check=0).stdout)[0]["id"]
        run("annotate", rebuilt, claim, "--confirm", check=0)
        self.assertEqual(json_lines(run("undo", rebuilt, check=0).stdout)[0]["status"], "pending")

    def test_usage_errors(self):
        export = self.write("e.jsonl", "")
        project = self.path("p.crb")
        self.assertFails(["new", project, "--from-export", export, BUNDLED], 2, "--from-export")
        self.assertFails(["new", project, "--from-export", export, "--story", "x"], 2, "--from-export")
        self.assertFalse(os.path.exists(project))

    def bad_export(self, records, edit):
        """The export's lines, with edit(lines) applied to the parsed records."""
        lines = [json.loads(json.dumps(r)) for r in records]
        edit(lines)
        return "".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False) + "\n" for l in lines)

    def test_bad_exports(self):
        original = self.path("original.crb")
        run("new", original, BUNDLED, check=0)
        export = self.path("export.jsonl")
        run("export", original, "--include-pending", "-o", export, check=0)
        with open(export, encoding="utf-8") as f:
            records = json_lines(f.read())
        first = records[0]["article"]["id"]
        second_article = next(i for i, r in enumerate(records) if "text" in r["article"] and i > 0)

        def set_field(line, *path_value):
            def edit(lines):
                *path, value = path_value
                target = lines[line]
                for key in path[:-1]:
                    target = target[key]
                if value is KeyError:
                    del target[path[-1]]
                else:
                    target[path[-1]] = value
            return edit

        def replace_line(line, text):
            def edit(lines):
                lines[line] = text
            return edit

        def drop_text(lines):
            del lines[0]["article"]["text"]

        def wrong_quote(lines):
            for key in ("claim", "original", "quote"):
                lines[4][key] = "Nothing like the article's text"

        cases = {
            "not JSON": (replace_line(2, "{\"id\": \n"), 3, ["Parse error"]),
            "a list": (replace_line(2, "[1, 2]\n"), 3, ["JSON object"]),
            "missing span": (set_field(1, "span", KeyError), 2, ["“span”"]),
            "missing status": (set_field(1, "status", KeyError), 2, ["“status”"]),
            "missing sha256": (set_field(1, "article", "sha256", KeyError), 2, ["“article.sha256”"]),
            "span not a number": (set_field(1, "span", "start", "seven"), 2, ["“span.start”"]),
            "text never given": (drop_text, 1, [first, "none of its records"]),
            "span outside": (set_field(3, "span", "end", 10 ** 6), 4, ["outside"]),
            "span reversed": (set_field(3, "span", "start", 10 ** 5), 4, ["span"]),
            "quote not the text": (wrong_quote, 5, ["quote", "span"]),
            "original and quote differ": (set_field(4, "quote", "Other text"), 5, ["original", "quote"]),
            "claim edited but confirmed": (set_field(4, "claim", "Other text"), 5, ["claim", "original"]),
            "sha256 mismatch": (set_field(0, "article", "text", records[0]["article"]["text"] + "!"), 1, ["sha256"]),
            "sha256 differs": (set_field(1, "article", "sha256", "0" * 64), 2, ["sha256", "line 1"]),
            "article in two stories": (set_field(1, "story", "id", "elsewhere"), 2, [first, "line 1"]),
            "claim id twice": (set_field(5, "id", records[4]["id"]), 6, [records[4]["id"], "twice"]),
            "unknown status": (set_field(1, "status", "maybe"), 2, ["“maybe”"]),
            "unknown kind": (set_field(2, "kind", "rumour"), 3, ["kind", "“rumour”"]),
            "unknown reason": (lambda lines: (set_field(2, "status", "rejected")(lines),
                                              set_field(2, "reason", "boring")(lines)), 3, ["“boring”"]),
            "rejected without reason": (set_field(2, "status", "rejected"), 3, ["reason"]),
            "blank correction": (lambda lines: (set_field(2, "status", "corrected")(lines),
                                                set_field(2, "claim", "  ")(lines)), 3, ["correct"]),
            "values not an object": (set_field(2, "values", [1]), 3, ["“values”"]),
            "score out of range": (set_field(2, "extractor", "score", 7), 3, ["score"]),
            "bad article id": (lambda lines: [l["article"].__setitem__("id", "a:b") for l in lines
                                              if l["article"]["id"] == first], 1, ["a:b"]),
            "second text wrong": (set_field(second_article, "article", "text", "Different text"),
                                  second_article + 1, ["sha256"]),
        }
        kept = self.path("kept.crb")
        run("new", kept, BUNDLED, check=0)
        with open(kept, "rb") as f:
            kept_bytes = f.read()
        for name, (edit, line, fragments) in cases.items():
            with self.subTest(name):
                bad = self.write("bad.jsonl", self.bad_export(records, edit))
                project = self.path("p.crb")
                p = self.assertFails(["new", project, "--from-export", bad], 1, f"bad.jsonl:{line}:", *fragments)
                self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)
                self.assertFalse(os.path.exists(project), "a project file was left behind")
                # --force does not replace a project with a bad rebuild.
                self.assertFails(["new", kept, "--force", "--from-export", bad], 1, f"bad.jsonl:{line}:")
                with open(kept, "rb") as f:
                    self.assertEqual(f.read(), kept_bytes)

        # Blank lines count in line numbers; an empty file is refused.
        lines = self.bad_export(records, lambda l: None).splitlines(keepends=True)
        bad = self.write("bad.jsonl", "\n" + lines[0] + "\n" + "{}\n")
        self.assertFails(["new", self.path("p.crb"), "--from-export", bad], 1, "bad.jsonl:4:", "“id”")
        empty = self.write("empty.jsonl", "\n")
        self.assertFails(["new", self.path("p.crb"), "--from-export", empty], 1, "empty.jsonl", "no records")
        self.assertFails(["new", self.path("p.crb"), "--from-export", self.path("missing.jsonl")], 1,
                         "missing.jsonl", "no such file")
        self.assertFalse(os.path.exists(self.path("p.crb")))


class Journal(Base):
    def test_journal_restores_unsaved_decisions(self):
        """A decision in the journal that never reached the file is restored on open."""
        project = self.path("p.crb")
        run("new", project, BUNDLED, check=0)
        claim = json_lines(run("claims", project, check=0).stdout)[0]["id"]
        with open(project, encoding="utf-8") as f:
            before = f.read()
        header = json.loads(before.splitlines()[0])
        st = os.stat(project)
        # The journal of this state of this file (docs/project-format.md).
        folder = os.path.join(self.env["XDG_DATA_HOME"], "corroborate", "journal", header["id"])
        journal = os.path.join(folder, "%s-%d-%d.jsonl" % (header["save_id"], st.st_dev, st.st_ino))
        self.assertFalse(os.path.exists(journal), "nothing unsaved yet")
        owner = {"journal": 2, "project": header["id"], "file": os.path.realpath(project),
                 "save_id": header["save_id"], "dev": st.st_dev, "ino": st.st_ino}
        entry = {"op": "decide", "story": header["stories"][0]["id"], "writer": "app",
                 "entry": {"seq": 1, "claim": claim, "before": None,
                           "after": {"status": "rejected", "reason": "false", "annotator": "x",
                                     "time": "2026-01-01T00:00:00Z"}}}
        os.makedirs(folder, exist_ok=True)
        with open(journal, "w", encoding="utf-8") as f:
            f.write(json.dumps(owner) + "\n" + json.dumps(entry) + "\n")
        p = run("claims", project, check=0)
        self.assertIn("restored 1 change", p.stderr)
        self.assertEqual(json_lines(p.stdout)[0]["status"], "rejected")
        # Reading did not write: the file is as it was until a change is saved.
        with open(project, encoding="utf-8") as f:
            self.assertEqual(f.read(), before)
        # The next change folds the journal into the file.
        run("annotate", project, json_lines(p.stdout)[1]["id"], "--confirm", check=0)
        p = run("claims", project, check=0)
        self.assertNotIn("restored", p.stderr)
        self.assertEqual(json_lines(p.stdout)[0]["status"], "rejected")
        self.assertEqual(json_lines(p.stdout)[1]["status"], "confirmed")
        self.assertFalse(os.path.exists(journal))


def masked_project(path):
    """A project file as bytes, with what each save makes new (ids, times,
    the title made from the file's name) left out of its header."""
    with open(path, "rb") as f:
        header = json.loads(f.readline())
        rest = f.read()
    for member in ("id", "created", "modified", "save_id", "title"):
        header.pop(member, None)
    return json.dumps(header, sort_keys=True).encode() + b"\n" + rest


class Scale(Base):
    """new and add story by story: the same file and output whatever the
    number of threads; add writes the file whatever its size; validate
    checks story by story."""

    def corpus(self, name, n_stories, per_story, offset=0):
        templates = [
            "At least {n} people were killed in {city} on Monday, officials said.",
            "The mayor of {city} said about {m} homes were damaged.",
            "Police arrested {k} people after the protest in {city}, a spokesman said.",
            "Rescuers pulled {k} survivors from the rubble, the ministry said on Tuesday.",
        ]
        cities = ["Vellmar", "Oulu", "Izmir", "Kraków", "Ravenna", "Nordhavn"]
        lines = []
        for a in range(n_stories * per_story):
            story = a % n_stories
            city = cities[story % len(cities)]
            text = " ".join(t.format(n=10 + (a * 7) % 40, m=100 + (a * 13) % 300, k=2 + a % 9, city=city)
                            for t in templates)
            lines.append(json.dumps({"id": f"{name}-{a + offset}", "story": f"Story {story}",
                                     "outlet": f"Outlet {a % 4}", "text": text}))
        return self.write(name + ".jsonl", "\n".join(lines) + "\n")

    def test_threads_give_the_same_file(self):
        corpus = self.corpus("c", 9, 4)
        extra = self.corpus("d", 11, 2, offset=100)
        results = []
        for threads in ("1", "4"):
            project = self.path(f"t{threads}.crb")
            env = {"CORROBORATE_THREADS": threads}
            new = run("new", project, corpus, env=env, check=0)
            add = run("add", project, extra, "--story", "Extra", env=env, check=0)
            validate_project(project)
            facts = run("facts", project, check=0)
            results.append((masked_project(project), new.stdout.replace(project, "P"),
                            add.stdout.replace(project, "P"), new.stderr + add.stderr, facts.stdout))
        self.assertEqual(results[0], results[1])
        header = json.loads(results[0][0].split(b"\n", 1)[0])
        self.assertEqual(len(header["stories"]), 11)
        self.assertTrue(all("contested" in s for s in header["stories"]))

    def test_add_writes_a_large_project(self):
        # A project above the size the CLI rewrites after every change:
        # added articles are not changes the journal carries, so the file
        # takes them at once.
        project = self.path("big.crb")
        run("new", project, self.corpus("c", 3, 2), check=0)
        env = {"CORROBORATE_COMPACT_SIZE": "0"}
        run("add", project, self.corpus("d", 2, 2, offset=50), env=env, check=0)
        header, stories = validate_project(project)
        self.assertEqual(sum(len(s["articles"]) for s in stories), 10)
        p = run("validate", project, env=env, check=0)
        self.assertIn("10 articles", p.stdout)

    def test_add_while_the_project_is_open(self):
        # Another program has the file open (it holds the lease): add
        # cannot rewrite it, says so, and leaves it as it was.
        import fcntl
        import glob
        project = self.path("p.crb")
        run("new", project, self.corpus("c", 2, 2), check=0)
        with open(project, "rb") as f:
            before = f.read()
        leases = [open(p, "rb") for p in glob.glob(self.path("data", "corroborate", "journal", "*", "lease-*"))]
        self.assertTrue(leases)
        try:
            for lease in leases:
                fcntl.flock(lease, fcntl.LOCK_SH)
            self.assertFails(["add", project, self.corpus("d", 1, 1, offset=50)], 1,
                             "another program has the project open; nothing was added")
        finally:
            for lease in leases:
                lease.close()
        with open(project, "rb") as f:
            self.assertEqual(f.read(), before)

    def test_facts_contested_skips_by_header(self):
        project = self.path("p.crb")
        run("new", project, self.corpus("c", 4, 3), self.write("calm.txt", "A quiet day in the harbour.\n"),
            "--story", "Calm", check=0)
        header, stories = validate_project(project)
        everything = json_lines(run("facts", project, check=0).stdout)
        contested = json_lines(run("facts", "--contested", project, check=0).stdout)
        self.assertEqual(contested, [f for f in everything if f["conflicts"]])
        for summary, story in zip(header["stories"], stories):
            self.assertEqual(summary["contested"], sum(1 for f in story["facts"] if f["conflicts"]))

    def test_validate_finds_ids_used_twice(self):
        project = self.path("p.crb")
        run("new", project, self.write("a/one.txt", "The bridge was closed on Monday, police said.\n"),
            self.write("b/two.txt", "The council voted 31 to 7 on Tuesday, officials said.\n"), check=0)
        p = run("new", self.path("q.crb"), self.corpus("c", 2, 1), check=0)
        with open(self.path("q.crb"), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        header, first, second = lines
        # The second story's claim takes the first story's claim id, and
        # its article the first story's article id.
        second["claims"][0]["id"] = first["claims"][0]["id"]
        old, new = second["articles"][0]["id"], first["articles"][0]["id"]
        second["articles"][0]["id"] = new
        for claim in second["claims"]:
            claim["article"] = new
        header["stories"][1]["articles"] = [new]
        for summary in header["stories"]:
            summary.pop("line", None)
        with open(self.path("q.crb"), "w", encoding="utf-8") as f:
            for line in (header, first, second):
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        p = self.assertFails(["validate", self.path("q.crb")], 1)
        self.assertIn(f"the article id “{new}” is used twice", p.stderr)
        self.assertIn(f"the claim id “{first['claims'][0]['id']}” is used twice", p.stderr)
        self.assertNotIn(old, p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
