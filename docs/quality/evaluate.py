#!/usr/bin/env python3
"""Pair precision and recall of a clustering against labels.tsv (docs/dedup-quality.md).

usage: evaluate.py labels.tsv articles.jsonl dedup-output.jsonl
Ground-truth pairs: every pair inside a connected component of the positive labels (a copy of a
copy is a copy). Predicted pairs: every pair sharing a story_id. Also prints the exact-hash
baseline (what Logstash's fingerprint filter does: SHA-256 of the whitespace-normalised text).
"""
import hashlib, json, sys
from collections import defaultdict
from itertools import combinations

labels, articles_file, output_file = sys.argv[1:4]
parent = {}
def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
for line in open(labels):
    f = line.rstrip("\n").split("\t")
    if f[2] == "1":
        parent[find(f[0])] = find(f[1])

def pairs(groups):
    out = set()
    for members in groups.values():
        out.update(combinations(sorted(members), 2))
    return out

truth_groups = defaultdict(list)
for x in list(parent):
    truth_groups[find(x)].append(x)
truth = pairs(truth_groups)

def score(name, predicted):
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(truth) if truth else 1.0
    print(f"{name}: predicted pairs {len(predicted)}, true pairs {len(truth)}, correct {tp}, precision {p:.4f}, recall {r:.4f}")
    return p, r

stories = defaultdict(list)
for line in open(output_file):
    o = json.loads(line)
    if "story_id" in o:
        stories[o["story_id"]].append(o["id"])
score("newsroom dedup", pairs(stories))

hashes = defaultdict(list)
for line in open(articles_file, encoding="utf-8"):
    a = json.loads(line)
    hashes[hashlib.sha256(" ".join(a["text"].split()).encode()).hexdigest()].append(a["id"])
score("exact-hash baseline", pairs(hashes))
if len(sys.argv) > 4:
    pred = pairs(stories)
    for kind, s in (("false positive", pred - truth), ("false negative", truth - pred)):
        for a, b in sorted(s)[: int(sys.argv[4])]:
            print(kind, a, b)
