"""Does a sentence-embedding title model add to the rules? Trained on 2015-2017, scored on 2018 (see ../run-embeddings.sh)."""
import struct
import sys

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from experiment import LABELS, load, logistic_dense, weighted_macro_f1  # noqa: E402


def read_embeddings(path):
    with open(path, "rb") as f:
        rows = []
        for _ in range(struct.unpack(">i", f.read(4))[0]):
            dimension = struct.unpack(">i", f.read(4))[0]
            rows.append(np.frombuffer(f.read(4 * dimension), dtype=">f4").astype(np.float64))
    x = np.array(rows)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def run(embeddings, analysed, gold_path, catalog):
    docs = load(analysed, gold_path, catalog)
    x = read_embeddings(embeddings)[[int(d["id"][1:]) for d in docs]]
    years = np.array([d["year"] for d in docs])
    train_mask, test_mask = years <= "2017", years == "2018"
    train = [d for d, m in zip(docs, train_mask) if m]
    test = [d for d, m in zip(docs, test_mask) if m]
    rules = [d["predicted"] for d in test]
    print(f"all-MiniLM-L6-v2 title embeddings; trained on {len(train)} claims of 2015-2017, scored on {len(test)} claims of 2018")
    similarities = x[test_mask] @ x[train_mask].T
    neighbours = np.argsort(-similarities, axis=1)[:, :10]
    for name, probability in [
        ("logistic C=10", lambda label, y: logistic_dense(x[train_mask], y, 10.0)(x[test_mask])),
        ("10 nearest", lambda label, y: y[neighbours].mean(axis=1)),
    ]:
        probabilities = {}
        for label in LABELS:
            y = np.array([1.0 if label in d["labels"] else 0.0 for d in train])
            probabilities[label] = probability(label, y)
        for k in (1, 2, 3):
            cells = [f"{name}, positives x{k}: rules {weighted_macro_f1(test, rules, k):.4f}"]
            for t in (0.1, 0.2, 0.3, 0.5):
                model = [{l for l in LABELS if probabilities[l][i] >= t} for i in range(len(test))]
                both = [m | r for m, r in zip(model, rules)]
                cells.append(f"model@{t} {weighted_macro_f1(test, model, k):.4f} "
                             f"rules|model@{t} {weighted_macro_f1(test, both, k):.4f}")
            print("; ".join(cells))


if __name__ == "__main__":
    run(*sys.argv[1:5])
