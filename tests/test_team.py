#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 16: a team of reviewers, each on their own machine.

Two reviewers in two clones of a real git repository (a bare repository
made here), a shared folder whose files arrive in different orders, mail
(merge), blind review, assignment, agreement figures worked by hand,
adjudication with undo, and the gold dataset the exports write.  The
contract is docs/team.md.
"""

import glob
import hashlib
import itertools
import json
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jsonschema  # noqa: E402
from test_cli import (BUNDLED, CLI, EXPORT_SCHEMA, SOURCE, Base, json_lines, run,  # noqa: E402
                      validate_export, validate_project)

with open(os.path.join(SOURCE, "data", "reviews.schema.json"), encoding="utf-8") as f:
    REVIEWS_SCHEMA = json.load(f)

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0"}


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def validate_reviews(folder):
    """Every reviewer's file of @folder against data/reviews.schema.json."""
    jsonschema.Draft7Validator.check_schema(REVIEWS_SCHEMA)
    n = 0
    for path in glob.glob(os.path.join(folder, "*.jsonl")):
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        for i, line in enumerate(lines):
            part = "header" if i == 0 else "record"
            jsonschema.validate(line, {"$schema": REVIEWS_SCHEMA["$schema"], "$ref": "#/definitions/" + part,
                                       "definitions": REVIEWS_SCHEMA["definitions"]})
            n += 1
    return n


class TeamBase(Base):
    def tearDown(self):
        # Every reviewer's file a test wrote is as the schema says.
        for folder in glob.glob(os.path.join(self.tmp, "**", "*.reviews"), recursive=True):
            validate_reviews(folder)
        super().tearDown()

    def setUp(self):
        super().setUp()
        os.environ.pop("CORROBORATE_ANNOTATOR", None)
        self.env["HOME"] = self.path("home")
        os.makedirs(self.env["HOME"], exist_ok=True)
        os.environ["HOME"] = self.env["HOME"]

    def machine(self, name):
        """Another machine: its own data folder (journal), its own reviewer."""
        return {"XDG_DATA_HOME": self.path("machines", name), "CORROBORATE_ANNOTATOR": name}

    def make_team_project(self, where, owner="olga"):
        os.makedirs(where, exist_ok=True)
        project = os.path.join(where, "p.crb")
        run("new", project, BUNDLED, check=0)
        run("team", "init", project, "--annotator", owner, check=0)
        return project

    def claims(self, project, *args, env=None):
        return json_lines(run("claims", project, *args, env=env, check=0).stdout)

    def ids(self, project):
        return [c["id"] for c in self.claims(project)]

    def git(self, cwd, *args, check=0):
        p = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                           env=dict(os.environ, **GIT_ENV))
        if check is not None and p.returncode != check:
            raise AssertionError(f"git {' '.join(args)} in {cwd}: exit {p.returncode}\n{p.stdout}\n{p.stderr}")
        return p


class Git(TeamBase):
    def test_two_reviewers_two_clones(self):
        """Annotate, commit, pull, push both ways: no conflict, one state."""
        origin = self.path("origin.git")
        self.git(self.tmp, "init", "--bare", "-q", "-b", "main", origin)
        owner = self.path("owner")
        self.git(self.tmp, "clone", "-q", origin, owner)
        project = self.make_team_project(owner)
        self.assertTrue(os.path.isdir(os.path.join(owner, "p.reviews")))
        with open(os.path.join(owner, ".gitattributes"), encoding="utf-8") as f:
            self.assertIn("p.reviews/*.jsonl merge=union", f.read())
        # init again changes nothing.
        before = sha(project)
        p = run("team", "init", project, "--annotator", "olga", check=0)
        self.assertIn("already", p.stdout)
        self.assertEqual(sha(project), before)
        self.git(owner, "add", "-A")
        self.git(owner, "commit", "-q", "-m", "project for the team")
        self.git(owner, "push", "-q", "origin", "main")
        shared_sha = sha(project)

        clones = {}
        for name in ("alice", "bob"):
            clones[name] = self.path(name)
            self.git(self.tmp, "clone", "-q", origin, clones[name])
        ids = self.ids(os.path.join(clones["alice"], "p.crb"))

        def annotate(name, claim, *decision):
            run("annotate", os.path.join(clones[name], "p.crb"), claim, *decision,
                env=self.machine(name), check=0)

        def commit_pull_push(name, message):
            cwd = clones[name]
            self.git(cwd, "add", "-A")
            self.git(cwd, "commit", "-q", "-m", message)
            pull = self.git(cwd, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=None)
            self.assertEqual(pull.returncode, 0, f"{name}: pull: {pull.stdout}{pull.stderr}")
            self.assertNotIn("CONFLICT", pull.stdout + pull.stderr)
            self.git(cwd, "push", "-q", "origin", "main")

        # Round one: both decide, with some overlap and one disagreement.
        annotate("alice", ids[0], "--confirm")
        annotate("alice", ids[1], "--reject", "opinion")
        annotate("alice", ids[2], "--correct", "Seven dead")
        annotate("bob", ids[0], "--confirm")
        annotate("bob", ids[1], "--reject", "false")
        annotate("bob", ids[3], "--confirm", "--note", "two outlets agree")
        commit_pull_push("alice", "alice, round one")
        commit_pull_push("bob", "bob, round one")   # merges alice's work
        # Round two, both ways again, with undo in it.
        self.git(clones["alice"], "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")
        annotate("alice", ids[4], "--confirm")
        run("undo", os.path.join(clones["alice"], "p.crb"), env=self.machine("alice"), check=0)
        annotate("alice", ids[5], "--reject", "duplicate")
        annotate("bob", ids[4], "--reject", "unverifiable")
        commit_pull_push("bob", "bob, round two")
        commit_pull_push("alice", "alice, round two")
        self.git(clones["bob"], "pull", "-q", "--no-rebase", "--no-edit", "origin", "main")

        # One state on both sides, and the project file is the owner's.
        a = run("claims", os.path.join(clones["alice"], "p.crb"), env=self.machine("alice"), check=0).stdout
        b = run("claims", os.path.join(clones["bob"], "p.crb"), env=self.machine("bob"), check=0).stdout
        self.assertEqual(a, b)
        for name in clones:
            self.assertEqual(sha(os.path.join(clones[name], "p.crb")), shared_sha)
            self.assertEqual(self.git(clones[name], "status", "--porcelain").stdout, "")
            self.assertEqual(sorted(os.listdir(os.path.join(clones[name], "p.reviews"))),
                             ["alice.jsonl", "bob.jsonl"])
        claims = {c["id"]: c for c in json_lines(a)}
        self.assertEqual(claims[ids[0]]["agreement"], "unanimous")
        self.assertEqual(claims[ids[1]]["agreement"], "disputed")
        self.assertEqual(claims[ids[1]]["status"], "pending")
        self.assertEqual(claims[ids[2]]["status"], "corrected")
        self.assertEqual(claims[ids[3]]["decision"]["note"], "two outlets agree")
        self.assertEqual([x["annotator"] for x in claims[ids[4]]["annotations"]], ["bob"])  # alice undid hers
        self.assertEqual(claims[ids[5]]["annotations"][0]["reject_reason"], "duplicate")


class SharedFolder(TeamBase):
    def test_files_in_any_order(self):
        """Reviewers' files copied into a shared folder in any order: one state."""
        owner = self.path("owner")
        project = self.make_team_project(owner)
        ids = self.ids(project)
        decisions = {
            "alice": [(ids[0], "--confirm"), (ids[1], "--reject", "false"), (ids[2], "--confirm")],
            "bob": [(ids[0], "--confirm"), (ids[1], "--confirm"), (ids[3], "--correct", "Nine")],
            "carol": [(ids[1], "--reject", "false"), (ids[2], "--reject", "opinion"), (ids[3], "--correct", "Nine")],
        }
        files = {}
        for name, todo in decisions.items():
            laptop = self.path("laptops", name)
            shutil.copytree(owner, laptop)
            for claim, *decision in todo:
                run("annotate", os.path.join(laptop, "p.crb"), claim, *decision, env=self.machine(name), check=0)
            files[name] = os.path.join(laptop, "p.reviews", name + ".jsonl")

        outputs = set()
        for order in itertools.permutations(sorted(files)):
            shared = self.path("shared", "-".join(order))
            os.makedirs(os.path.join(shared, "p.reviews"))
            shutil.copy(project, shared)
            for k, name in enumerate(order):
                # Files arrive one by one; the project opens fine between.
                shutil.copy(files[name], os.path.join(shared, "p.reviews"))
                state = run("claims", os.path.join(shared, "p.crb"), env=self.machine("olga"), check=0)
                self.assertEqual(state.stderr, "")
            # A synced folder's copy of a file changes nothing.
            shutil.copy(files[order[0]], os.path.join(shared, "p.reviews",
                                                      order[0] + ".sync-conflict-20260101-000000-ABC.jsonl"))
            outputs.add(run("claims", os.path.join(shared, "p.crb"), env=self.machine("olga"), check=0).stdout)
        self.assertEqual(len(outputs), 1)

        claims = {c["id"]: c for c in json_lines(outputs.pop())}
        self.assertEqual(claims[ids[0]]["agreement"], "unanimous")
        self.assertEqual(claims[ids[1]]["agreement"], "majority")
        self.assertEqual(claims[ids[1]]["decision"]["reason"], "false")
        self.assertEqual(claims[ids[2]]["agreement"], "disputed")
        self.assertEqual(claims[ids[3]]["decision"]["corrected"], "Nine")

    def test_one_reviewer_two_programs(self):
        """One reviewer's programs on one machine append to their file at once."""
        project = self.make_team_project(self.path("p"))
        ids = self.ids(project)
        env = dict(os.environ, **self.machine("alice"), CLI=CLI, P=project)
        scripts = []
        for w in range(3):
            scripts.append("\n".join(f'"$CLI" annotate "$P" "{c}" --confirm >/dev/null || echo FAILED'
                                     for c in ids[w::3]))
        procs = [subprocess.Popen(["sh", "-c", s], env=env, stdout=subprocess.PIPE, text=True) for s in scripts]
        for proc in procs:
            out, _ = proc.communicate(timeout=300)
            self.assertNotIn("FAILED", out)
        with open(os.path.join(self.path("p"), "p.reviews", "alice.jsonl"), encoding="utf-8") as f:
            records = [json.loads(line) for line in f][1:]
        self.assertEqual(sorted(r["seq"] for r in records), list(range(1, len(ids) + 1)))
        self.assertEqual({r["claim"] for r in records}, set(ids))


class Mail(TeamBase):
    def test_merge_twice_changes_nothing(self):
        owner = self.path("owner")
        project = self.make_team_project(owner)
        ids = self.ids(project)
        laptop = self.path("laptop")
        shutil.copytree(owner, laptop)
        for claim in ids[:4]:
            run("annotate", os.path.join(laptop, "p.crb"), claim, "--confirm", env=self.machine("alice"), check=0)
        run("undo", os.path.join(laptop, "p.crb"), env=self.machine("alice"), check=0)
        mailed = self.path("Downloads", "alice.jsonl")
        os.makedirs(os.path.dirname(mailed))
        shutil.copy(os.path.join(laptop, "p.reviews", "alice.jsonl"), mailed)

        p = run("merge", project, mailed, check=0)
        self.assertIn("5 new records of alice", p.stdout)
        merged = os.path.join(owner, "p.reviews", "alice.jsonl")
        first = sha(merged)
        self.assertEqual(first, sha(mailed))
        p = run("merge", project, mailed, check=0)
        self.assertIn("0 new records of alice", p.stdout)
        self.assertEqual(sha(merged), first)
        self.assertEqual(run("claims", project, check=0).stdout,
                         run("claims", os.path.join(laptop, "p.crb"), check=0).stdout)

        # More work mailed later: only what is new is added.
        run("annotate", os.path.join(laptop, "p.crb"), ids[5], "--reject", "opinion",
            env=self.machine("alice"), check=0)
        shutil.copy(os.path.join(laptop, "p.reviews", "alice.jsonl"), mailed)
        self.assertIn("1 new record of alice", run("merge", project, mailed, check=0).stdout)
        self.assertEqual(sha(merged), sha(mailed))

        # The reviews of another project are refused.
        other = self.make_team_project(self.path("other"))
        run("annotate", other, ids[0], "--confirm", env=self.machine("zoe"), check=0)
        self.assertFails(["merge", project, os.path.join(self.path("other"), "p.reviews", "zoe.jsonl")], 1,
                         "another project")


class Decisions(TeamBase):
    def test_names_and_the_project_file(self):
        project = self.make_team_project(self.path("p"))
        before = sha(project)
        ids = self.ids(project)
        self.assertFails(["annotate", project, ids[0], "--confirm"], 2, "--annotator NAME")
        self.assertFails(["annotate", project, ids[0], "--confirm", "--annotator", "anonymous"], 2,
                         "“anonymous” cannot name one")
        run("annotate", project, ids[0], "--confirm", "--annotator", "alice", check=0)
        run("annotate", project, ids[1], "--note", "check the count", "--annotator", "alice", check=0)
        run("link", project, ids[0], ids[8], "--relation", "conflicts", "--annotator", "alice", check=0)
        run("undo", project, "--annotator", "alice", check=0)
        run("redo", project, "--annotator", "alice", check=0)
        # Reviewers never write the project file, nor its journal.
        self.assertEqual(sha(project), before)
        header, _ = validate_project(project)
        self.assertEqual(header["team"], {"reviews": "p.reviews", "owner": "olga", "blind": False,
                                          "revealed": False})
        # An article's outlet is the owner's to change.
        self.assertFails(["article", project, "almera-courier", "--outlet", "X"], 1, "only the owner")
        with open(os.path.join(self.path("p"), "p.reviews", "alice.jsonl"), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        self.assertEqual(lines[0], {"format": "corroborate-reviews", "version": 1, "project": header["id"],
                                    "reviewer": "alice"})
        self.assertEqual([r["op"] for r in lines[1:]], ["decide", "decide", "link", "undo", "redo"])
        self.assertEqual(validate_reviews(os.path.join(self.path("p"), "p.reviews")), 6)
        self.assertEqual(lines[2]["note"], "check the count")
        self.assertEqual(lines[2]["status"], "pending")   # a note alone keeps her (pending) decision

    def test_agreement_by_hand(self):
        """The figures of a designed pattern, worked by hand in the comments."""
        project = self.make_team_project(self.path("p"))
        c = self.ids(project)[:6]
        pattern = {
            "alice": ["confirmed", "confirmed", "confirmed", "corrected", "false", "confirmed"],
            "bob": ["confirmed", "false", "confirmed", "corrected", "false", "opinion"],
            "carol": ["confirmed", "false", "opinion", None, "false", None],
        }
        for name, labels in pattern.items():
            for claim, label in zip(c, labels):
                if label is None:
                    continue
                decision = (["--confirm"] if label == "confirmed" else
                            ["--correct", "Seven dead"] if label == "corrected" else ["--reject", label])
                run("annotate", project, claim, *decision, "--annotator", name, check=0)

        figures = json.loads(run("agreement", project, "--json", check=0).stdout)
        self.assertEqual(figures["reviewers"], ["alice", "bob", "carol"])
        self.assertEqual(figures["items"], 6)
        pairs = {(p["a"], p["b"]): p for p in figures["pairs"]}
        # alice–bob, 6 claims: agree on 4; alice C4 corr1 F1, bob C2 F2 corr1 op1:
        # p_e = (4·2 + 1·1 + 1·2) / 36 = 11/36, κ = (24 − 11) / (36 − 11) = 13/25.
        self.assertEqual(pairs["alice", "bob"]["items"], 6)
        self.assertAlmostEqual(pairs["alice", "bob"]["cohen_kappa"], 0.52, places=3)
        # alice–carol, 4 claims: agree on 2; alice C3 F1, carol C1 F2 op1:
        # p_e = (3·1 + 1·2) / 16 = 5/16, κ = (8 − 5) / (16 − 5) = 3/11.
        self.assertAlmostEqual(pairs["alice", "carol"]["cohen_kappa"], 3 / 11, places=3)
        # bob–carol, 4 claims: agree on 3; bob C2 F2, carol C1 F2 op1:
        # p_e = (2·1 + 2·2) / 16 = 6/16, κ = (12 − 6) / (16 − 6) = 0.6.
        self.assertAlmostEqual(pairs["bob", "carol"]["cohen_kappa"], 0.6, places=3)
        # Fleiss: P_u = 1, 1/3, 1/3, 1, 1, 0, so P̄ = 11/18; values C7 F5 op2 corr2 of 16:
        # P_e = (49 + 25 + 4 + 4) / 256 = 41/128; κ = (11/18 − 41/128) / (87/128) = 670/1566.
        self.assertAlmostEqual(figures["fleiss_kappa"], 670 / 1566, places=3)
        # Krippendorff: n = 16, Σ o_cc = 3 + 1 + 1 + 2 + 3 + 0 = 10, Σ n_c(n_c − 1) = 42 + 20 + 2 + 2 = 66:
        # α = (15·10 − 66) / (16·15 − 66) = 84/174.
        self.assertAlmostEqual(figures["krippendorff_alpha"], 84 / 174, places=3)
        # 9 of the 14 pairs of decisions agree.
        self.assertAlmostEqual(figures["observed"], 9 / 14, places=3)
        self.assertEqual(figures["consensus"], {"single": 0, "unanimous": 3, "majority": 2, "disputed": 1,
                                                "adjudicated": 0})
        self.assertEqual([s["id"] for s in figures["stories"]], ["harbor-bridge"])
        self.assertEqual({r["name"]: r["decisions"] for r in figures["per_reviewer"]},
                         {"alice": 6, "bob": 6, "carol": 4})
        self.assertIsNone(figures["links"])
        text = run("agreement", project, check=0).stdout
        self.assertIn("Krippendorff's alpha: 0.483", text)

        # Links: alice and bob each link a pair, alice as conflicting, bob as agreeing.
        run("link", project, c[0], "coastline-daily:1", "--relation", "conflicts", "--annotator", "alice", check=0)
        run("link", project, c[0], "coastline-daily:1", "--relation", "agrees", "--annotator", "bob", check=0)
        links = json.loads(run("agreement", project, "--json", check=0).stdout)["links"]
        self.assertEqual(links["items"], 1)
        self.assertEqual(links["pairs"][0]["observed"], 0.0)

    def test_adjudication(self):
        project = self.make_team_project(self.path("p"))
        c = self.ids(project)
        run("annotate", project, c[0], "--confirm", "--annotator", "alice", check=0)
        run("annotate", project, c[0], "--reject", "opinion", "--annotator", "bob", check=0)
        run("annotate", project, c[1], "--confirm", "--annotator", "alice", check=0)
        run("annotate", project, c[1], "--confirm", "--annotator", "bob", check=0)
        disputed = self.claims(project, "--disagreements")
        self.assertEqual([x["id"] for x in disputed], [c[0]])
        self.assertEqual(disputed[0]["agreement"], "disputed")
        self.assertEqual([x["status"] for x in disputed[0]["annotations"]], ["confirmed", "rejected"])

        line = json.loads(run("adjudicate", project, c[0], "--take", "bob", "--annotator", "dora", check=0).stdout)
        self.assertEqual(line["status"], "rejected")
        self.assertEqual(line["decision"]["reason"], "opinion")
        self.assertEqual(line["agreement"], "adjudicated")
        self.assertEqual(line["adjudication"], {"by": "dora", "seq": 1, "take": "bob", "stale": False})
        with open(os.path.join(self.path("p"), "p.reviews", "dora.jsonl"), encoding="utf-8") as f:
            record = [json.loads(x) for x in f][1]
        self.assertEqual(record["op"], "adjudicate")
        self.assertEqual(record["resolves"], [["alice", 1], ["bob", 1]])
        # Still a disagreement, now settled.
        self.assertEqual(self.claims(project, "--disagreements")[0]["agreement"], "adjudicated")

        # Undone, then done again, by the adjudicator's undo and redo.
        run("undo", project, "--annotator", "dora", check=0)
        self.assertEqual({x["id"]: x["agreement"] for x in self.claims(project)}[c[0]], "disputed")
        run("redo", project, "--annotator", "dora", check=0)
        self.assertEqual({x["id"]: x["agreement"] for x in self.claims(project)}[c[0]], "adjudicated")

        # A decision of the adjudicator's own; bob changing his mind leaves it standing, marked stale.
        run("adjudicate", project, c[0], "--correct", "Eight dead", "--annotator", "dora", check=0)
        run("annotate", project, c[0], "--confirm", "--annotator", "bob", check=0)
        claim = {x["id"]: x for x in self.claims(project)}[c[0]]
        self.assertEqual(claim["decision"]["corrected"], "Eight dead")
        self.assertTrue(claim["adjudication"]["stale"])
        self.assertFails(["adjudicate", project, c[0], "--take", "carol", "--annotator", "dora"], 1, "carol")
        self.assertFails(["adjudicate", project, c[0], "--confirm", "--reject", "false", "--annotator", "dora"], 2)


class Blind(TeamBase):
    def test_blind_review(self):
        project = self.make_team_project(self.path("p"))
        c = self.ids(project)
        self.assertFails(["team", "blind", project, "on", "--annotator", "alice"], 1, "only the owner")
        run("team", "blind", project, "on", "--annotator", "olga", check=0)
        run("annotate", project, c[0], "--confirm", "--annotator", "alice", check=0)
        run("annotate", project, c[0], "--reject", "false", "--annotator", "bob", check=0)
        run("annotate", project, c[1], "--reject", "false", "--annotator", "bob", check=0)

        alice = {x["id"]: x for x in self.claims(project, "--annotator", "alice")}
        self.assertEqual(alice[c[0]]["status"], "confirmed")
        self.assertEqual([a["annotator"] for a in alice[c[0]]["annotations"]], ["alice"])
        self.assertIsNone(alice[c[0]]["agreement"])
        self.assertEqual(alice[c[1]]["status"], "pending")
        self.assertEqual(alice[c[1]]["annotations"], [])
        self.assertNotIn("bob", json.dumps(alice))
        # Her queue: what she has not decided.
        self.assertEqual([x["id"] for x in self.claims(project, "--mine", "--annotator", "alice")], c[1:])
        for command in (["agreement", project], ["export", project], ["claims", project, "--disagreements"],
                        ["adjudicate", project, c[0], "--confirm"]):
            self.assertFails(command + ["--annotator", "alice"], 1, "blind")

        owner = {x["id"]: x for x in self.claims(project, "--annotator", "olga")}
        self.assertEqual(len(owner[c[0]]["annotations"]), 2)
        self.assertEqual(owner[c[0]]["agreement"], "disputed")

        run("team", "reveal", project, "--annotator", "olga", check=0)
        alice = {x["id"]: x for x in self.claims(project, "--annotator", "alice")}
        self.assertEqual(len(alice[c[0]]["annotations"]), 2)
        self.assertEqual(alice[c[1]]["status"], "rejected")
        header, _ = validate_project(project)
        self.assertEqual(header["team"]["blind"], True)
        self.assertEqual(header["team"]["revealed"], True)


class Stats(TeamBase):
    def test_stats_count_the_team(self):
        # The reviewers' decisions are in their files, not the project file:
        # stats counts what claims shows, per story and per article.
        project = self.make_team_project(self.path("p"))
        claims = self.claims(project)
        c = [x["id"] for x in claims]
        run("annotate", project, c[0], "--confirm", "--annotator", "alice", check=0)
        run("annotate", project, c[1], "--reject", "opinion", "--annotator", "bob", check=0)

        def totals(*args):
            stats = json.loads(run("stats", project, "--json", *args, check=0).stdout)
            by_article = {}
            for story in stats["stories"]:
                for article in story["articles"]:
                    by_article[article["id"]] = article
            return stats, by_article

        stats, by_article = totals()
        self.assertEqual((stats["confirmed"], stats["rejected"], stats["pending"]), (1, 1, len(c) - 2))
        self.assertEqual(by_article[claims[0]["article"]]["confirmed"], 1)
        self.assertEqual(sum(a["rejected"] for a in by_article.values()), 1)
        table = run("stats", project, check=0).stdout
        self.assertRegex(table, r"total\s+%d\s+%d\s+1\s+0\s+1" % (len(c), len(c) - 2))

        # In a blind review, each reviewer counts their own decisions only.
        run("team", "blind", project, "on", "--annotator", "olga", check=0)
        stats, _ = totals("--annotator", "alice")
        self.assertEqual((stats["confirmed"], stats["rejected"]), (1, 0))
        stats, _ = totals("--annotator", "bob")
        self.assertEqual((stats["confirmed"], stats["rejected"]), (0, 1))


class Assign(TeamBase):
    def test_assign(self):
        project = self.make_team_project(self.path("p"))
        ids = self.ids(project)
        self.assertFails(["assign", project, "--reviewers", "a,b,c", "--per-claim", "2", "--annotator", "a"], 1,
                         "only the owner")
        run("assign", project, "--reviewers", "a,b,c", "--per-claim", "2", "--annotator", "olga", check=0)
        path = os.path.join(self.path("p"), "p.reviews", "assignments.json")
        with open(path, encoding="utf-8") as f:
            assigned = json.load(f)["claims"]
        self.assertEqual(list(assigned), ids)
        self.assertTrue(all(len(v) == 2 and len(set(v)) == 2 for v in assigned.values()))
        load = {r: sum(r in v for v in assigned.values()) for r in "abc"}
        # Balanced: 2 reviewers a claim, shared as evenly as 3 allow.
        self.assertEqual(sum(load.values()), 2 * len(ids))
        self.assertLessEqual(max(load.values()) - min(load.values()), 1)
        pairs = {tuple(v) for v in assigned.values()}
        self.assertEqual(pairs, {("a", "b"), ("a", "c"), ("b", "c")})
        first = sha(path)
        run("assign", project, "--reviewers", "a,b,c", "--per-claim", "2", "--reassign", "--annotator", "olga",
            check=0)
        self.assertEqual(sha(path), first)   # deterministic

        mine = [x["id"] for x in self.claims(project, "--mine", "--annotator", "a")]
        self.assertEqual(mine, [i for i in ids if "a" in assigned[i]])
        self.assertEqual(self.claims(project, "--annotator", "a")[0]["assigned"], assigned[ids[0]])
        run("annotate", project, mine[0], "--confirm", "--annotator", "a", check=0)
        self.assertEqual([x["id"] for x in self.claims(project, "--mine", "--annotator", "a")], mine[1:])

        run("assign", project, "--reviewers", "a,b,c", "--share", "--reassign", "--annotator", "olga", check=0)
        with open(path, encoding="utf-8") as f:
            shared = json.load(f)["claims"]
        counts = {r: sum(r in v for v in shared.values()) for r in "abc"}
        self.assertEqual(sum(counts.values()), len(ids))
        self.assertLessEqual(max(counts.values()) - min(counts.values()), 1)


class Export(TeamBase):
    def test_gold_dataset(self):
        project = self.make_team_project(self.path("p"))
        c = self.ids(project)
        decide = [("alice", c[0], "--confirm"), ("bob", c[0], "--confirm"),
                  ("alice", c[1], "--reject", "false"), ("bob", c[1], "--reject", "false"),
                  ("carol", c[1], "--confirm"),
                  ("alice", c[2], "--confirm"), ("bob", c[2], "--reject", "opinion"),
                  ("alice", c[3], "--correct", "Seven people died")]
        for who, claim, *decision in decide:
            run("annotate", project, claim, *decision, "--annotator", who, check=0)

        records = {r["id"]: r for r in json_lines(run("export", project, check=0).stdout)}
        validate_export(records.values())
        self.assertEqual(sorted(records), sorted(c[:2] + [c[3]]))   # c[2] is disputed: left out
        self.assertEqual(records[c[0]]["agreement"], "unanimous")
        self.assertEqual([a["annotator"] for a in records[c[0]]["annotations"]], ["alice", "bob"])
        self.assertEqual(records[c[1]]["agreement"], "majority")
        self.assertEqual(records[c[1]]["status"], "rejected")
        self.assertEqual(records[c[1]]["reason"], "false")
        self.assertEqual(len(records[c[1]]["annotations"]), 3)
        self.assertEqual(records[c[3]]["agreement"], "single")
        self.assertEqual(records[c[3]]["annotations"][0]["corrected_text"], "Seven people died")
        self.assertEqual(set(records[c[0]]["annotations"][0]),
                         {"annotator", "status", "reject_reason", "corrected_text", "note", "time"})

        everything = {r["id"]: r for r in json_lines(run("export", project, "--include-disputed", check=0).stdout)}
        validate_export(everything.values())
        self.assertEqual(everything[c[2]]["agreement"], "disputed")
        self.assertEqual(everything[c[2]]["status"], "pending")

        anonymous = json_lines(run("export", project, "--anonymize-annotators", check=0).stdout)
        self.assertNotIn("alice", json.dumps(anonymous))
        validate_export(anonymous)

        # ClaimReview and FEVER: gold labels only.
        reviews = json_lines(run("export", project, "--format", "claimreview", check=0).stdout)
        validate_export(reviews, "claimreview")
        self.assertEqual(sorted(r["identifier"] for r in reviews), sorted(c[:2] + [c[3]]))
        self.assertEqual({r["identifier"]: r["reviewRating"]["alternateName"] for r in reviews}[c[1]], "False")
        out = self.path("fever.jsonl")
        run("export", project, "--format", "fever", "-o", out, check=0)
        with open(out, encoding="utf-8") as f:
            fever = json_lines(f.read())
        validate_export(fever, "fever")
        texts = {x["id"]: x["text"] for x in self.claims(project)}
        self.assertNotIn(texts[c[2]], [r["claim"] for r in fever])
        self.assertIn(texts[c[0]], [r["claim"] for r in fever])

        # The dataset card says how well they agree.
        folder = self.path("dataset")
        run("export", project, "--format", "dataset", "-o", folder, check=0)
        with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
            card = f.read()
        self.assertIn("### Agreement", card)
        self.assertIn("Fleiss' κ", card)
        self.assertIn("| alice – bob | 3 |", card)
        self.assertIn("1 by a majority", card)
        for split in ("train", "dev", "test"):
            with open(os.path.join(folder, split + ".jsonl"), encoding="utf-8") as f:
                validate_export(json_lines(f.read()))
        self.assertIn("annotations", json.dumps(EXPORT_SCHEMA["definitions"]["record"]["required"]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
