#!/usr/bin/env python3
"""Ground truth for docs/dedup-quality.md: exhaustive exact pairwise comparison plus labelling rules
that were checked by reading the uncertain band. Writes labels.tsv (article id pairs only, no text).

usage: groundtruth.py articles.jsonl > labels.tsv
"""
import json, re, sys, unicodedata
from collections import Counter, defaultdict
from itertools import combinations

K = 5

def norm_words(text):
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return [w for w in re.split(r"[^\w]+", t) if w and w != "_"]

arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]

# Hindsight boilerplate: the whole file is known, so a line is boilerplate if its site repeats it in
# 3+ articles, or if it is short (<= 12 words) and appears in 3+ articles anywhere.
def lines_of(a):
    return [(a.get("title") or "")] + (a.get("text") or "").split("\n")

site_count = defaultdict(Counter)
any_count = Counter()
for a in arts:
    seen = {" ".join(norm_words(l)) for l in lines_of(a)}
    seen.discard("")
    for l in seen:
        site_count[a["site"]][l] += 1
        any_count[l] += 1

def boiler(site, l):
    return site_count[site][l] >= 3 or (len(l.split()) <= 12 and any_count[l] >= 3)

def headline_words(line):
    return set(w for w in line.split() if len(w) > 2 and w.isalpha())

clean = {}
title = {}
for a in arts:
    kept = []
    t = ""
    for l in lines_of(a):
        n = " ".join(norm_words(l))
        if n and not boiler(a["site"], n):
            kept.append(n)
            if not t and len(headline_words(n)) >= 3:
                t = n
    clean[a["id"]] = " ".join(kept).split()
    title[a["id"]] = headline_words(t)

def shingles(ws):
    if len(ws) < K:
        return {" ".join(ws)} if ws else set()
    return {" ".join(ws[i:i + K]) for i in range(len(ws) - K + 1)}

sets = {i: shingles(ws) for i, ws in clean.items()}
index = defaultdict(list)
for i, s in sets.items():
    for sh in s:
        index[sh].append(i)
shared = Counter()
for ids in index.values():
    for a, b in combinations(sorted(ids), 2):
        shared[(a, b)] += 1

# Identical pages (the same page scraped twice, or identical boilerplate-only pages) are duplicates.
by_text = defaultdict(list)
for a in arts:
    by_text[" ".join(norm_words(a.get("text") or ""))].append(a["id"])
identical = set()
for ids in by_text.values():
    identical.update(combinations(sorted(ids), 2))

print("id_a\tid_b\tlabel\tjaccard\tcontainment\twords_a\twords_b\ttitle_jaccard\trule")
for a, b in sorted(identical):
    print(f"{a}\t{b}\t1\t1.000\t1.000\t{len(clean[a])}\t{len(clean[b])}\t1.00\tidentical")
for (a, b), n in sorted(shared.items()):
    if (a, b) in identical:
        continue
    sa, sb = len(sets[a]), len(sets[b])
    j = n / (sa + sb - n)
    c = n / min(sa, sb)
    if c < 0.3 and j < 0.1:
        continue
    wa, wb = len(clean[a]), len(clean[b])
    ratio = max(wa, wb) / max(1, min(wa, wb))
    ta, tb = title[a], title[b]
    tj = len(ta & tb) / len(ta | tb) if ta and tb else 0.0
    if c >= 0.8 and ratio <= 4:
        label, rule = 1, "copy"
    elif c >= 0.8 and tj >= 0.4:
        label, rule = 1, "excerpt-same-headline"
    elif c >= 0.5 and tj >= 0.6:
        label, rule = 1, "version-same-headline"
    elif c >= 0.6 and j >= 0.3:
        label, rule = 1, "version"
    elif c >= 0.8:
        label, rule = 0, "snippet-in-aggregator"
    else:
        label, rule = 0, "shares-passages"
    print(f"{a}\t{b}\t{label}\t{j:.3f}\t{c:.3f}\t{wa}\t{wb}\t{tj:.2f}\t{rule}")
