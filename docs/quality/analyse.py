#!/usr/bin/env python3
"""Where `newsroom dedup` loses recall and precision against labels.tsv (docs/dedup-quality.md).

usage: analyse.py labels.tsv articles.jsonl dedup-output.jsonl [--list N]
Prints, per labelling rule, how many direct positive pairs share a story; the ground-truth groups that
are split over several stories; and the false-positive pairs grouped by predicted story, with title,
site and length, so a reader can tell a live blog or digest from a missed labelling.
"""
import json, sys
from collections import Counter, defaultdict
from itertools import combinations

labels_file, articles_file, output_file = sys.argv[1:4]
show = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 15

arts = {a["id"]: a for a in map(json.loads, open(articles_file, encoding="utf-8"))}
story = {}
for line in open(output_file):
    o = json.loads(line)
    story[o["id"]] = o.get("story_id", "error:" + o["id"])

rows = [l.rstrip("\n").split("\t") for l in open(labels_file)][1:]
parent = {}
def find(x):
    parent.setdefault(x, x)
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
for r in rows:
    if r[2] == "1":
        parent[find(r[0])] = find(r[1])

def describe(i):
    a = arts[i]
    return f"{i} [{a['site']}] {len(a['text'].split())}w '{a['title'][:70]}'"

print("direct labelled pairs: same story / all, by rule")
by_rule = defaultdict(Counter)
missed = defaultdict(list)
for r in rows:
    together = story[r[0]] == story[r[1]]
    by_rule[r[8]][together] += 1
    if r[2] == "1" and not together:
        missed[r[8]].append(r)
for rule, c in sorted(by_rule.items()):
    print(f"  {rule:24s} {c[True]:4d} / {c[True] + c[False]:4d}")

truth_groups = defaultdict(list)
for x in list(parent):
    truth_groups[find(x)].append(x)
truth = set()
for m in truth_groups.values():
    truth.update(combinations(sorted(m), 2))
pred_groups = defaultdict(list)
for i, s in story.items():
    pred_groups[s].append(i)
pred = set()
for m in pred_groups.values():
    pred.update(combinations(sorted(m), 2))

print("\nground-truth groups split over several stories (missed pairs, group size, story sizes):")
splits = []
for m in truth_groups.values():
    parts = Counter(story[i] for i in m)
    if len(parts) > 1:
        lost = sum(1 for a, b in combinations(m, 2) if story[a] != story[b])
        splits.append((lost, len(m), sorted(parts.values(), reverse=True), m))
for lost, n, parts, m in sorted(splits, reverse=True)[:show]:
    print(f"  {lost:4d} missed  size {n:3d}  stories {parts}  e.g. {describe(sorted(m)[0])}")
print(f"  total missed pairs {len(truth - pred)} of {len(truth)}")

print("\nmissed direct positive pairs by rule (first of each):")
for rule, rs in sorted(missed.items()):
    print(f" {rule}: {len(rs)}")
    for r in rs[:show]:
        print(f"   J {r[3]} C {r[4]} tJ {r[7]}\n     {describe(r[0])}\n     {describe(r[1])}")

print("\nfalse-positive pairs by predicted story:")
fp = defaultdict(list)
for a, b in pred - truth:
    fp[story[a]].append((a, b))
for s, ps in sorted(fp.items(), key=lambda kv: -len(kv[1])):
    print(f"  {s}: {len(ps)} wrong pairs of {len(pred_groups[s]) * (len(pred_groups[s]) - 1) // 2}")
    for a, b in sorted(ps)[:show]:
        print(f"     {describe(a)}\n       ~ {describe(b)}")
