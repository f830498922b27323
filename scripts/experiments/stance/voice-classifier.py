#!/usr/bin/env python3
"""Could a document-level classifier of an article's voice fix the stance of its hits? (not shipped)

Trains per-class logistic regression (pro-Kremlin A, report R, rebuttal D, ordinary news N, from the
blind sets' file names) over lower-cased words and word pairs, leaving one set out at a time, and then
overrides the stance of each hit in HITS (the --jsonl files of `score.sh`-style runs, one per set, named
<set>.jsonl) by the voice read with at least THRESHOLD probability: asserts and reports become disputes in
a rebuttal, asserts become reports in a report, reports become asserts in a pro-Kremlin text. Prints the
stance confusion before and after, then the voice that a model trained on all sets reads in real
articles: the shipped sample and the PTC articles whose hits judges found carrying a narrative.
See docs/narratives-evaluation.md, "Attribution and recall on fresh text". Needs numpy and scipy.

usage: voice-classifier.py HITS [THRESHOLD] [SHARED_DATA]
"""
import glob, json, os, re, sys
from collections import Counter
import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix

here = os.path.dirname(os.path.abspath(__file__))
hits_dir = sys.argv[1]
threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "../../../../shared/data")
VOICES = ["A", "R", "D", "N"]
sets = sorted(os.path.basename(d)[4:] for d in glob.glob(os.path.join(here, "set-*")))


def features(text):
    tokens = re.findall(r"[a-z]+(?:'[a-z]+)?|[\"“”«»:?!]", text.lower())
    return set(tokens) | {a + "_" + b for a, b in zip(tokens, tokens[1:])}


docs = [(s, os.path.basename(f)[:-4], features(open(f, encoding="utf-8").read()))
        for s in sets for f in sorted(glob.glob(os.path.join(here, f"set-{s}/texts/*.txt")))]


def matrix(feature_sets, vocab):
    rows, cols = [], []
    for r, fs in enumerate(feature_sets):
        for w in fs:
            if w in vocab:
                rows.append(r)
                cols.append(vocab[w])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feature_sets), len(vocab)))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(1)).ravel()) + 1e-9
    return csr_matrix(x.multiply(1 / norms[:, None]))


def train(train_docs, c=1.0):
    df = Counter(w for _, _, fs in train_docs for w in fs)
    vocab = {w: j for j, w in enumerate(w for w, n in df.items() if n >= 3)}
    x = matrix([fs for _, _, fs in train_docs], vocab)
    y = np.zeros((len(train_docs), 4))
    y[np.arange(len(train_docs)), [VOICES.index(n[0]) for _, n, _ in train_docs]] = 1
    d, k = x.shape[1], 4

    def loss(w):
        weights, bias = w[:d * k].reshape(d, k), w[d * k:]
        z = x @ weights + bias
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        grad = x.T @ (p - y) + weights / c
        return (-(y * np.log(p + 1e-12)).sum() + 0.5 / c * (weights * weights).sum(),
                np.concatenate([np.asarray(grad).ravel(), (p - y).sum(0)]))

    w = minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x
    weights, bias = w[:d * k].reshape(d, k), w[d * k:]

    def predict(feature_sets):
        z = matrix(feature_sets, vocab) @ weights + bias
        z -= z.max(1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(1, keepdims=True)
    return predict


voice = {}
for s in sets:
    predict = train([d for d in docs if d[0] != s])
    held = [d for d in docs if d[0] == s]
    for (_, name, _), p in zip(held, predict([fs for _, _, fs in held])):
        voice[(s, name)] = VOICES[int(np.argmax(p))] if p.max() >= threshold else None
print("voice read, leaving each set out:",
      sorted(Counter((n[0], v) for (_, n), v in voice.items()).items()))

before, after = Counter(), Counter()
for f in sorted(glob.glob(os.path.join(hits_dir, "*.jsonl"))):
    s = os.path.basename(f)[:-6]
    expected = json.load(open(os.path.join(here, f"set-{s}/expected.json")))
    for line in open(f, encoding="utf-8"):
        record = json.loads(line)
        name = record["origin"]["file"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        want = {label["narrative"]: label["stance"] for label in expected[name]}
        v = voice.get((s, name))
        for hit in record["narratives"]:
            stance = hit["stance"]
            if v == "D" and stance in ("asserts", "reports"):
                stance = "disputes"
            elif v == "R" and stance == "asserts":
                stance = "reports"
            elif v == "A" and stance == "reports":
                stance = "asserts"
            if hit["id"] in want:
                before[(want[hit["id"]], hit["stance"])] += 1
                after[(want[hit["id"]], stance)] += 1
for label, confusion in (("stance before", before), ("stance after", after)):
    right = sum(n for (a, b), n in confusion.items() if a == b)
    print(f"{label}: {right} of {sum(confusion.values())} right; (expected, read):", sorted(confusion.items()))

predict = train(docs)
real = glob.glob(os.path.join(shared, "sample/*.txt"))
judged = os.path.join(here, "../narrative-model")
for judgements, folder in (("ptc-hit-judgements.jsonl", "articles"), ("ptc-unlabeled-hit-judgements.jsonl", "unlabeled")):
    for line in open(os.path.join(judged, judgements)):
        j = json.loads(line)
        if j["judgement"] == "carries":
            real.append(os.path.join(shared, f"ptc/{folder}/{j['article']}.txt"))
real = sorted(set(real))
probabilities = predict([features(open(f, encoding="utf-8").read()) for f in real])
print("real articles carrying a narrative, voice read by a model of all sets:",
      sorted(Counter(VOICES[int(np.argmax(p))] for p in probabilities).items()))
for f, p in zip(real, probabilities):
    if VOICES[int(np.argmax(p))] != "A":
        print(f"  {os.path.relpath(f, shared)}: {dict(zip(VOICES, np.round(p, 2)))}")
