"""Forward-in-time experiment: does a title classifier add to the rules? See run.sh."""
import csv
import glob
import json
import struct
import sys
from collections import Counter

import numpy as np
import scipy.sparse as sp
import yaml
from scipy.optimize import minimize

LABELS = ["EU disintegration", "Russophobia", "Anti-Russian", "Encircling Russia", "Destabilising Russia",
          "Biological weapons", "Russian superiority", "Nazi/Fascist", "Coup", "Ukrainian disintegration",
          "Ukrainian statehood", "Abandoned Ukraine", "Colour revolutions", "Puppets",
          "Secret elites / global elites", "Western values", "Sovereignty", "Historical revisionism",
          "Manipulated elections/referendum", "election meddling"]
STOP = set("the a an of to in and be for on is that with by as at from it its this 's have has will not are was were".split())


def titles(csv_path, titles_out, gold_out):
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    with open(titles_out, "w") as f:
        for i, r in enumerate(rows):
            f.write(json.dumps({"id": "c%05d" % i, "text": r["title"], "published": r["date"]}) + "\n")
    json.dump({"c%05d" % i: {"date": r["date"], "labels": r["keywords"].split("+")} for i, r in enumerate(rows)},
              open(gold_out, "w"))


def load(analysed, gold_path, catalog):
    gold = json.load(open(gold_path))
    narrative_labels = {}
    for path in glob.glob(catalog + "/*.yaml"):
        for n in yaml.safe_load(open(path)).get("narratives", []):
            narrative_labels[n["id"]] = (n.get("labels") or {}).get("euvsdisinfo") or []
    docs = []
    for line in open(analysed):
        d = json.loads(line)
        g = gold[d["id"]]
        fired = [n["id"] for n in d["narratives"]]
        docs.append({
            "id": d["id"], "year": g["date"][:4], "labels": set(g["labels"]),
            "lemmas": [t["lemma"].lower() for t in d["tokens"] if any(c.isalnum() for c in t["lemma"])],
            "entities": [e["kb_id"] for e in d["entities"] if e["kb_id"]],
            "fired": fired, "rules": [ev["rule"] for n in d["narratives"] for ev in n["evidence"]],
            "predicted": {l for n in fired for l in narrative_labels.get(n, [])}})
    return docs


def features(d):
    f = {"w:" + w for w in d["lemmas"] if w not in STOP}
    f |= {"b:" + a + "_" + b for a, b in zip(d["lemmas"], d["lemmas"][1:])}
    f |= {"e:" + e for e in d["entities"]} | {"n:" + n for n in d["fired"]} | {"r:" + r for r in d["rules"]}
    return f


def matrices(train, test):
    ftr, fte = [features(d) for d in train], [features(d) for d in test]
    df = Counter(x for f in ftr for x in f)
    vocab = {x: i for i, x in enumerate(sorted(x for x, c in df.items() if c >= 2))}

    def matrix(fs):
        rows, cols = [], []
        for i, f in enumerate(fs):
            for x in f:
                if x in vocab:
                    rows.append(i)
                    cols.append(vocab[x])
        return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(fs), len(vocab)))
    return matrix(ftr), matrix(fte)


def logistic(x, y, c=1.0):
    p = x.shape[1]

    def loss_and_gradient(w):
        z = 1 / (1 + np.exp(-(x @ w[:p] + w[p])))
        loss = -(y * np.log(z + 1e-12) + (1 - y) * np.log(1 - z + 1e-12)).sum() + 0.5 / c * (w[:p] @ w[:p])
        g = z - y
        return loss, np.concatenate([x.T @ g + w[:p] / c, [g.sum()]])
    return minimize(loss_and_gradient, np.zeros(p + 1), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x


def weighted_macro_f1(test, predictions, k):
    """Macro-F1 with every positive counted k times: the score the labels would give at k times the prevalence."""
    total = 0.0
    for label in LABELS:
        tp = sum(1 for d, p in zip(test, predictions) if label in d["labels"] and label in p)
        fp = sum(1 for d, p in zip(test, predictions) if label not in d["labels"] and label in p)
        fn = sum(1 for d, p in zip(test, predictions) if label in d["labels"] and label not in p)
        total += 0 if tp == 0 else 2 * tp * k / (2 * tp * k + fp + fn * k)
    return total / len(LABELS)


def compare(name, test, rules, probabilities):
    """Prints macro-F1 (positives counted x1, x2, x3) of the rules, the model and both OR-ed, per threshold."""
    for k in (1, 2, 3):
        cells = [f"{name}positives x{k}: rules {weighted_macro_f1(test, rules, k):.4f}"]
        for t in (0.1, 0.2, 0.3, 0.5):
            model = [{l for l in LABELS if probabilities[l][i] >= t} for i in range(len(test))]
            both = [m | r for m, r in zip(model, rules)]
            cells.append(f"model@{t} {weighted_macro_f1(test, model, k):.4f} rules|model@{t} "
                         f"{weighted_macro_f1(test, both, k):.4f}")
        print("; ".join(cells))


def gold_vector(docs, label):
    return np.array([1.0 if label in d["labels"] else 0.0 for d in docs])


def run(analysed, gold_path, catalog):
    docs = load(analysed, gold_path, catalog)
    train = [d for d in docs if d["year"] <= "2017"]
    test = [d for d in docs if d["year"] == "2018"]
    xtr, xte = matrices(train, test)
    probabilities = {}
    for label in LABELS:
        w = logistic(xtr, gold_vector(train, label))
        probabilities[label] = 1 / (1 + np.exp(-(xte @ w[:-1] + w[-1])))
    print(f"trained on {len(train)} claims of 2015-2017, scored on {len(test)} claims of 2018")
    compare("", test, [d["predicted"] for d in test], probabilities)


def cross_validated(train, c, folds=5):
    """Out-of-fold probabilities for every training claim and label (the model never sees the claim it scores)."""
    order = np.random.RandomState(0).permutation(len(train))
    probabilities = {label: np.zeros(len(train)) for label in LABELS}
    for fold in range(folds):
        held = order[fold::folds]
        rest = np.setdiff1d(order, held)
        xtr, xte = matrices([train[i] for i in rest], [train[i] for i in held])
        for label in LABELS:
            y = gold_vector([train[i] for i in rest], label)
            if y.sum() > 0:
                w = logistic(xtr, y, c)
                probabilities[label][held] = 1 / (1 + np.exp(-(xte @ w[:-1] + w[-1])))
    return probabilities


def prevalence(docs, label):
    return np.mean([label in d["labels"] for d in docs]) if docs else 0.0


def run_thresholds(analysed, gold_path, catalog):
    """Rules OR model with a threshold per label chosen on out-of-fold predictions of 2015-2017, the label's
    positives weighted by 1 or by the growth its prevalence would have if the 2016->2017 trend went on one
    more year (a prior shift fixed before 2018 is scored); scored on 2018."""
    docs = load(analysed, gold_path, catalog)
    train = [d for d in docs if d["year"] <= "2017"]
    test = [d for d in docs if d["year"] == "2018"]
    growth = {}
    for label in LABELS:
        p16 = prevalence([d for d in train if d["year"] == "2016"], label)
        p17 = prevalence([d for d in train if d["year"] == "2017"], label)
        expected = p17 * np.clip((p17 + 1e-3) / (p16 + 1e-3), 0.5, 3)
        growth[label] = max(expected, 1e-4) / max(prevalence(train, label), 1e-4)
    rules = [d["predicted"] for d in test]
    print(f"trained on {len(train)} claims of 2015-2017, scored on {len(test)} claims of 2018; "
          f"rules {weighted_macro_f1(test, rules, 1):.4f}")
    for c in (0.3, 1.0, 3.0):
        out_of_fold = cross_validated(train, c)
        xtr, xte = matrices(train, test)
        cells = []
        for shifted in (False, True):
            predictions = [set(r) for r in rules]
            for label in LABELS:
                y = gold_vector(train, label) > 0
                if not y.any():
                    continue
                k = growth[label] if shifted else 1.0
                fired = np.array([label in d["predicted"] for d in train])

                def f1(m):
                    tp = (y & m).sum()
                    return 0 if tp == 0 else 2 * k * tp / (2 * k * tp + (~y & m).sum() + k * (y & ~m).sum())
                best, threshold = f1(fired), None
                for t in np.arange(0.05, 0.95, 0.05):
                    score = f1(fired | (out_of_fold[label] >= t))
                    if score > best + 1e-9:
                        best, threshold = score, t
                if threshold is not None:
                    w = logistic(xtr, gold_vector(train, label), c)
                    p = 1 / (1 + np.exp(-(xte @ w[:-1] + w[-1])))
                    for i in np.nonzero(p >= threshold)[0]:
                        predictions[i].add(label)
            cells.append(f"{'prevalence-shifted' if shifted else 'plain'} thresholds: rules|model "
                         f"{weighted_macro_f1(test, predictions, 1):.4f}")
        print(f"C={c}: " + "; ".join(cells))


def read_embeddings(path):
    """The vectors TitleEmbeddings wrote (big-endian: count, then per row dimension and floats), unit length."""
    with open(path, "rb") as f:
        rows = []
        for _ in range(struct.unpack(">i", f.read(4))[0]):
            dimension = struct.unpack(">i", f.read(4))[0]
            rows.append(np.frombuffer(f.read(4 * dimension), dtype=">f4").astype(np.float64))
    x = np.array(rows)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def run_embeddings(embeddings, analysed, gold_path, catalog):
    docs = load(analysed, gold_path, catalog)
    x = read_embeddings(embeddings)[[int(d["id"][1:]) for d in docs]]
    years = np.array([d["year"] for d in docs])
    train_mask, test_mask = years <= "2017", years == "2018"
    train = [d for d, m in zip(docs, train_mask) if m]
    test = [d for d, m in zip(docs, test_mask) if m]
    rules = [d["predicted"] for d in test]
    print(f"all-MiniLM-L6-v2 title embeddings; trained on {len(train)} claims of 2015-2017, "
          f"scored on {len(test)} claims of 2018")
    logistic_probabilities, neighbour_probabilities = {}, {}
    neighbours = np.argsort(-(x[test_mask] @ x[train_mask].T), axis=1)[:, :10]
    for label in LABELS:
        y = gold_vector(train, label)
        w = logistic(x[train_mask], y, 10.0)
        logistic_probabilities[label] = 1 / (1 + np.exp(-(x[test_mask] @ w[:-1] + w[-1])))
        neighbour_probabilities[label] = y[neighbours].mean(axis=1)
    compare("logistic C=10, ", test, rules, logistic_probabilities)
    compare("10 nearest, ", test, rules, neighbour_probabilities)


if __name__ == "__main__":
    if sys.argv[1] == "titles":
        titles(*sys.argv[2:5])
    elif sys.argv[1] == "thresholds":
        run_thresholds(*sys.argv[2:5])
    elif sys.argv[1] == "embeddings":
        run_embeddings(*sys.argv[2:6])
    else:
        run(*sys.argv[2:5])
