#!/usr/bin/env python3
"""Builds streams/src/main/resources/dev/newsroom/streams/tag/topic-model.tsv.gz, the shipped topic model.

Training data (none of it evaluation data; see docs/tagging-quality.md, "The statistical model"):
  - streams/src/test/resources/tagging/feed-items-train.jsonl: real feed
    items labelled by hand, disjoint from the evaluation set (TrainingItemsTest checks it); the first
    of each item's topics is its label;
  - the IPTC Media Topics of levels 2-6 that are not retired (../shared/data/topics/
    iptc-mediatopic-2023-10-24.jsonl): label as title, definition as text, top-level topic as label.

Writes the two into one JSON Lines file and runs `./newsroom tagger train` on it with its defaults
(10 epochs, words in >= 2 examples, seed 42), so the model is the same on every run.

Usage (from the repository root): tools/build-topic-model.py [OUTPUT]
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRAIN = os.path.join(ROOT, "streams/src/test/resources/tagging/feed-items-train.jsonl")
VOCABULARY = os.path.join(ROOT, "../shared/data/topics/iptc-mediatopic-2023-10-24.jsonl")
MODEL = os.path.join(ROOT, "streams/src/main/resources/dev/newsroom/streams/tag/topic-model.tsv.gz")


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else MODEL
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as out:
        with open(TRAIN, encoding="utf-8") as f:
            for line in f:
                out.write(line)
        with open(VOCABULARY, encoding="utf-8") as f:
            for line in f:
                topic = json.loads(line)
                if topic["retired"] or topic["level"] < 2:
                    continue
                out.write(json.dumps({"title": topic["label_en_gb"], "text": topic.get("definition_en_gb") or "",
                                      "topic": topic["top_level"]}, ensure_ascii=False) + "\n")
        name = out.name
    try:
        subprocess.run([os.path.join(ROOT, "newsroom"), "tagger", "train", name, "--output", output], check=True)
    finally:
        os.unlink(name)


if __name__ == "__main__":
    main()
