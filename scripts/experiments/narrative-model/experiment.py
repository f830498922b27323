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
    elif sys.argv[1] == "embeddings":
        run_embeddings(*sys.argv[2:6])
    else:
        run(*sys.argv[2:5])
