#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`corroborate-cli extract -`: a JSON Lines corpus on standard input, the
claims out as JSON Lines in the order of the lines, nothing carried from one
article to the next.  Split into 1, 2 and 7 chunks by GNU parallel
(--pipepart --keep-order), the corpus gives byte-identical output.  Also:
the fields the corpus lines may give, and bad lines.
"""

import glob
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = os.environ["CRB_CLI"]
SOURCE = os.environ["CRB_SOURCE_ROOT"]
PARALLEL = shutil.which("parallel")


def extract(*args, stdin, check=0):
    p = subprocess.run([CLI, "extract", *args, "-"], input=stdin, capture_output=True,
                       timeout=300)
    if check is not None and p.returncode != check:
        raise AssertionError(f"exit {p.returncode}, wanted {check}: {p.stderr.decode()[:2000]}")
    return p


def corpus_lines():
    """Articles of the test data, as corpus lines: some with an id, some
    without, some with the other fields, one with CRLF line ends, one laid
    out one statement per line."""
    lines = []
    for path in sorted(glob.glob(os.path.join(SOURCE, "tests", "data", "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if not raw.strip():
                    continue
                obj = json.loads(raw)
                for article in (obj.get("articles") or [obj]):
                    if isinstance(article, dict) and isinstance(article.get("text"), str):
                        lines.append(article)
    out = []
    for n, a in enumerate(lines):
        rec = {"text": a["text"]}
        if n % 3 != 0:
            rec["id"] = f"{a.get('id', 'article')}-{n}"
        if n % 4 == 1:
            rec.update({"title": f"Title {n}", "outlet": "Valley Times",
                        "url": f"https://example.org/{n}", "story": f"story-{n % 5}"})
        if isinstance(a.get("date"), str):
            rec["date"] = a["date"]
        out.append(rec)
    out.append({"id": "crlf", "text": "Police said 12 people were arrested.\r\n\r\nThe mayor "
                "said the city would pay $4 million.\r\n"})
    out.append({"id": "transcript", "text": "MODERATOR: Your answer.\nI paid $38 million one year\n"
                "We, in fact, have 4% of the world's population, 20% of the deaths.\n"
                "Thank you.\n"})
    out.append({"text": "Unemployment fell to 3.9 percent in March, the lowest since 1975."})
    return [json.dumps(r, ensure_ascii=False) + "\n" for r in out]


class Stream(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="crb-stream-")
        cls.corpus = os.path.join(cls.tmp, "corpus.jsonl")
        with open(cls.corpus, "w", encoding="utf-8") as f:
            f.writelines(corpus_lines())
        with open(cls.corpus, "rb") as f:
            cls.data = f.read()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def test_claims_in_order(self):
        out = extract(stdin=self.data).stdout.decode()
        records = [json.loads(line) for line in out.splitlines()]
        self.assertTrue(records)
        order = []
        for r in records:
            if not order or order[-1] != r["article"]:
                order.append(r["article"])
        # every article once, in the order of the lines
        self.assertEqual(len(order), len(set(order)))
        ids = []
        for line in self.data.decode().splitlines():
            obj = json.loads(line)
            if "id" in obj:
                ids.append(obj["id"])
        self.assertEqual([a for a in order if not a.startswith("text-")],
                         [i for i in ids if i in order])
        texts = {json.loads(line).get("id"): json.loads(line)["text"]
                 for line in self.data.decode().splitlines()}
        for r in records:
            if r["article"] in texts:
                self.assertEqual(texts[r["article"]][r["start"]:r["end"]], r["text"])
        # first-person facts in a transcript
        transcript = [r["text"] for r in records if r["article"] == "transcript"]
        self.assertIn("I paid $38 million one year", transcript)

    def test_same_as_files(self):
        """The claims of a line are those of `extract FILE.jsonl`."""
        path = os.path.join(self.tmp, "one.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "x", "text": "Police said 12 people were arrested on Friday."
                                "\n\nWhat a day!"}) + "\n")
        with open(path, "rb") as f:
            stream = extract("--all", stdin=f.read()).stdout
        files = subprocess.run([CLI, "extract", "--all", path], capture_output=True, check=True).stdout
        self.assertEqual(stream, files)

    def test_id_does_not_depend_on_position(self):
        line = json.dumps({"text": "The council approved $4.2 million for roads on Tuesday."}) + "\n"
        a = extract(stdin=line.encode()).stdout
        b = extract(stdin=(line.replace("Tuesday", "Monday") + line).encode()).stdout
        self.assertTrue(a)
        self.assertTrue(b.endswith(a))

    @unittest.skipIf(PARALLEL is None, "GNU parallel is not installed (build-aux/deps.sh installs it)")
    def test_parallel_chunks(self):
        home = os.path.join(self.tmp, "parallel-home")
        os.makedirs(home, exist_ok=True)
        open(os.path.join(home, "will-cite"), "w").close()
        env = dict(os.environ, PARALLEL_HOME=home)
        whole = extract("--all", stdin=self.data).stdout
        self.assertGreater(whole.count(b"\n"), 100)
        for chunks in (1, 2, 7):
            block = math.ceil(len(self.data) / chunks)
            log = os.path.join(self.tmp, f"jobs-{chunks}.log")
            p = subprocess.run([PARALLEL, "--pipepart", "-a", self.corpus, "--block", str(block),
                                "--keep-order", "-j", "2", "--joblog", log,
                                CLI, "extract", "--all", "-"],
                               capture_output=True, env=env, timeout=600)
            self.assertEqual(p.returncode, 0, p.stderr.decode()[:2000])
            with open(log, encoding="utf-8") as f:
                jobs = len(f.readlines()) - 1
            # --pipepart cuts at the first line break after each block
            self.assertGreaterEqual(jobs, min(chunks, 2) if chunks > 1 else 1, f"{chunks} chunks")
            self.assertLessEqual(jobs, chunks)
            self.assertEqual(p.stdout, whole, f"{chunks} chunks")

    @unittest.skipIf(PARALLEL is None, "GNU parallel is not installed (build-aux/deps.sh installs it)")
    def test_stories_to_projects(self):
        """docs/scale.md: a corpus split by story, one project per story,
        made in parallel."""
        corpus = os.path.join(SOURCE, "tests", "data", "align-stories.jsonl")
        stories = os.path.join(self.tmp, "stories")
        projects = os.path.join(self.tmp, "projects")
        os.makedirs(projects)
        subprocess.run([sys.executable, os.path.join(SOURCE, "tools", "split-by-story"),
                        corpus, stories], check=True, capture_output=True)
        home = os.path.join(self.tmp, "parallel-home-2")
        os.makedirs(home, exist_ok=True)
        open(os.path.join(home, "will-cite"), "w").close()
        names = sorted(os.listdir(stories))
        p = subprocess.run([PARALLEL, "-j", "2", CLI, "new",
                            os.path.join(projects, "{/.}.crb"), "{}", ":::"]
                           + [os.path.join(stories, n) for n in names],
                           capture_output=True, env=dict(os.environ, PARALLEL_HOME=home),
                           timeout=600)
        self.assertEqual(p.returncode, 0, p.stderr.decode()[:2000])
        with open(corpus, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        by_story = {}
        for r in rows:
            by_story.setdefault(r["story"], []).append(r["id"])
        self.assertEqual(len(names), len(by_story))
        for name in names:
            project = os.path.join(projects, name[:-len(".jsonl")] + ".crb")
            stats = json.loads(subprocess.run([CLI, "stats", "--json", project],
                                              capture_output=True, check=True, text=True).stdout)
            self.assertEqual(len(stats["stories"]), 1)
            story = stats["stories"][0]["title"]
            self.assertEqual(name, story.replace(" ", "-") + ".jsonl")
            self.assertEqual(sorted(a["id"] for a in stats["stories"][0]["articles"]),
                             sorted(by_story[story]))

    def test_bad_line(self):
        good = json.dumps({"id": "ok", "text": "Police said 12 people were arrested."}) + "\n"
        for bad, message in (("not json\n", "line 2: not a JSON object"),
                             ('["text"]\n', "line 2: each line must be a JSON object"),
                             ('{"id": "no-text"}\n', "line 2: the field “text” is missing"),
                             ('{"text": "   "}\n', "line 2: the article has no text")):
            data = (good + bad + good.replace('"ok"', '"ok2"')).encode()
            p = extract(stdin=data, check=1)
            err = p.stderr.decode()
            self.assertIn("standard input, " + message, err)
            # what came before the bad line was written
            self.assertIn(b'"article":"ok"', p.stdout)
            p = extract("--skip-invalid", stdin=data, check=0)
            self.assertIn("(skipped)", p.stderr.decode())
            self.assertIn(b'"article":"ok2"', p.stdout)

    def test_blank_lines_and_empty_input(self):
        self.assertEqual(extract(stdin=b"").stdout, b"")
        line = json.dumps({"id": "a", "text": "Police said 12 people were arrested."})
        self.assertEqual(extract(stdin=(line + "\n").encode()).stdout,
                         extract(stdin=("\n\n" + line + "\r\n\n").encode()).stdout)

    def test_usage(self):
        p = subprocess.run([CLI, "extract", "-", os.path.join(SOURCE, "README.md")],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)


if __name__ == "__main__":
    unittest.main(verbosity=2)
