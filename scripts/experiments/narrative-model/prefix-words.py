#!/usr/bin/env python3
"""Lists, for every prefix term (`word*`) of a narrative catalog, the words of real text that it matches, most
frequent first, so that an analyst can see a prefix that takes common unrelated words (`stab*`: "stable",
"stability"; `fragment*`: "fragments" of a missile; `surround*`: "the surrounding villages"). See
docs/narratives-evaluation.md, "Prefixes that take unrelated words".

The vocabulary is that of the 375 PTC articles (../shared/data/ptc) and the stance sets' texts; the 2019
EUvsDisinfo claims are never read.

usage (from the repository root, with ../shared beside it):
  scripts/experiments/narrative-model/prefix-words.py [CATALOG_DIR] [--top N]
"""
import argparse
import collections
import glob
import re

parser = argparse.ArgumentParser()
parser.add_argument("catalog", nargs="?", default="models/narratives")
parser.add_argument("--top", type=int, default=25, help="words shown per prefix")
args = parser.parse_args()

texts = (glob.glob("../shared/data/ptc/articles/*.txt") + glob.glob("../shared/data/ptc/unlabeled/*.txt")
         + glob.glob("scripts/experiments/stance/set-*/texts/*.txt"))
vocabulary = collections.Counter()
for path in texts:
    with open(path, encoding="utf-8", errors="replace") as f:
        for word in re.findall(r"[^\W\d_][\w'-]*", f.read().lower()):
            vocabulary[word.strip("'-")] += 1

places = collections.defaultdict(list)
for path in sorted(glob.glob(f"{args.catalog}/*.y*ml")):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            code = line.split("#", 1)[0]
            for term in re.findall(r"(?<![\w@=*-])=?([\w'-]+)\*", code):
                places[term.lower()].append(f"{path.rsplit('/', 1)[-1]}:{number}")

print(f"{len(texts)} texts, {len(vocabulary)} words; {len(places)} prefixes")
for prefix in sorted(places):
    words = sorted(((w, n) for w, n in vocabulary.items() if w.startswith(prefix)), key=lambda wn: -wn[1])
    print(f"{prefix}*  ({len(words)} words)  {' '.join(sorted(set(places[prefix])))}")
    print("    " + ", ".join(f"{w} {n}" for w, n in words[:args.top]))
