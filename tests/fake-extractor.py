#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A stand-in for a team's own extractor, for the tests.

fake-extractor.py MODE: reads an article as JSON on stdin and writes claims
as JSON Lines.  MODE good proposes every sentence (code point offsets);
the other modes misbehave in one way each.
"""
import json
import re
import sys
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "good"
article = json.load(sys.stdin)
text = article["text"]

claims = []
for m in re.finditer(r"[^.!?\n]+[.!?]", text):
    start, end = m.start(), m.end()
    while text[start].isspace():
        start += 1
    claims.append({"start": start, "end": end, "text": text[start:end], "kind": "statement",
                   "score": 0.9 if any(c.isdigit() for c in text[start:end]) else 0.3,
                   "reasons": ["fake extractor"]})

if mode == "hang":
    time.sleep(120)
elif mode == "crash":
    sys.stderr.write("model file missing\n")
    sys.exit(3)
elif mode == "not-json":
    print("this is not json")
    sys.exit(0)
elif mode == "bad-span":
    claims[0]["end"] = len(text) + 10
elif mode == "bad-text":
    claims[0]["text"] = claims[0]["text"].upper() + "!"
elif mode == "bad-kind":
    claims[0]["kind"] = "gossip"

for c in claims:
    print(json.dumps(c, ensure_ascii=False))
