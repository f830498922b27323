#!/usr/bin/env python3
"""Which EUvsDisinfo labels do 2015-2018 claim titles that match a phrasing carry?

usage: phrase-labels.py [--csv FILE] REGEX...

For each regular expression (case-insensitive, searched in the claim title) prints how many
2015-2018 titles match, how many of them are from 2018, and the five tracked labels they carry
most often; with twelve or fewer matches it also lists them. 2019 claims are never read, so the
check can be used while writing rules without touching the held-out year.
"""
import argparse, collections, csv, os, re

LABELS = ["EU disintegration", "Russophobia", "Anti-Russian", "Encircling Russia", "Destabilising Russia",
          "Biological weapons", "Russian superiority", "Nazi/Fascist", "Coup", "Ukrainian disintegration",
          "Ukrainian statehood", "Abandoned Ukraine", "Colour revolutions", "Puppets",
          "Secret elites / global elites", "Western values", "Sovereignty", "Historical revisionism",
          "Manipulated elections/referendum", "election meddling"]

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--csv", default=os.path.join(here, "../../../../shared/data/euvsdisinfo/cases-2015-2019.csv"))
parser.add_argument("patterns", nargs="+")
args = parser.parse_args()

with open(args.csv, encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["date"][:4] < "2019"]
for pattern in args.patterns:
    rx = re.compile(pattern, re.I)
    hits = [r for r in rows if rx.search(r["title"])]
    labels = lambda r: sorted({k.strip() for k in r["keywords"].split("+")} & set(LABELS))
    counts = collections.Counter(label for r in hits for label in labels(r))
    in2018 = sum(r["date"].startswith("2018") for r in hits)
    print(f"{pattern!r}: {len(hits)} titles ({in2018} in 2018); "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common(5)))
    if len(hits) <= 12:
        for r in hits:
            print("     ", r["date"][:4], r["title"][:110], "|", "+".join(labels(r)))
