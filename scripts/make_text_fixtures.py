#!/usr/bin/env python3
"""Builds the free-text classifier fixtures under Tests/Fixtures/models/text/ (issue 18): scikit-learn text
pipelines fitted on a small synthetic corpus (no download) and converted with skl2onnx the way users convert them,
`to_onnx(pipe, initial_types=[("text", StringTensorType([None, 1]))])`. skl2onnx emits StringNormalizer, the
com.microsoft Tokenizer and TfIdfVectorizer for the vectorizers.

    tfidf_logreg.onnx        TfidfVectorizer + LogisticRegression (probabilities)
    count_nb.onnx            CountVectorizer(ngram_range=(1, 2)) + MultinomialNB (probabilities)
    messages.members.csv, messages.nonmembers.csv, messages.population.csv
                             DataFrame.to_csv() (with pandas' unnamed index column) of a `text` and a `label` column:
                             the training texts, held-out texts and the attacker's public texts
    expected.json            per model: onnxruntime's outputs for the first 40 non-member texts

The corpus: short messages on three topics (sport, finance, weather), each a template filled with topic words,
shared filler words and, for a third of them, a rare name, so that a model fitted on few texts memorises some of
its members. Requires numpy, pandas, scikit-learn, skl2onnx, onnxruntime. Deterministic (fixed seeds).
onnxruntime's StringNormalizer needs the en_US.UTF-8 locale; where it is not installed, build it privately:
    localedef -i en_US -f UTF-8 /tmp/locales/en_US.UTF-8
    LOCPATH=/tmp/locales python3 scripts/make_text_fixtures.py
Usage: python3 scripts/make_text_fixtures.py
"""
import json
import warnings
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import Pipeline
from skl2onnx import to_onnx
from skl2onnx.common.data_types import StringTensorType

warnings.filterwarnings("ignore")
OUT = Path(__file__).resolve().parent.parent / "Tests" / "Fixtures" / "models" / "text"
SEED = 18
ROWS = 40

TOPICS = {
    0: "match goal team coach league season player striker keeper final score stadium fans cup win".split(),
    1: "stock market shares bank profit loss investor bond price rate fund quarter earnings trade dollar".split(),
    2: "rain sun storm wind cloud forecast snow cold warm weekend temperature flood fog heat breeze".split(),
}
FILLER = "the a today again really very new old big small good bad this that we they it".split()
NAMES = [f"{a}{b}" for a in "bcdfgklmnprstvz" for b in ("ara", "elo", "imo", "uno", "eva", "ix")]
TEMPLATES = [
    "{f} {t} {t} {f} {t}",
    "{t} and {t} {f} {f} {t} {t}",
    "{F} {t} {f} {t}, {f} {t}!",
    "{f} {t} {t} {n} {t}",
    "{t}: {f} {t} {f} {t} {t} {f}",
]


def corpus(count, rng):
    texts, labels = [], []
    for _ in range(count):
        label = int(rng.randint(3))
        # A fifth of the messages mix in another topic's words, so the classes overlap.
        other = int(rng.randint(3)) if rng.rand() < 0.2 else label
        template = TEMPLATES[rng.randint(len(TEMPLATES))]
        out = template
        while "{t}" in out:
            topic = other if rng.rand() < 0.3 else label
            out = out.replace("{t}", rng.choice(TOPICS[topic]), 1)
        while "{f}" in out:
            out = out.replace("{f}", rng.choice(FILLER), 1)
        out = out.replace("{F}", rng.choice(FILLER).capitalize())
        if "{n}" in out or rng.rand() < 0.33:
            name = rng.choice(NAMES).capitalize()
            out = out.replace("{n}", name) if "{n}" in out else f"{out} {name}"
        texts.append(out)
        labels.append(label)
    return pd.DataFrame({"text": texts, "label": labels})


def export(name, pipe, members):
    pipe.fit(members["text"], members["label"])
    clf = pipe.steps[-1][1]
    options = {id(clf): {"zipmap": False}}
    onx = to_onnx(pipe, initial_types=[("text", StringTensorType([None, 1]))], options=options, target_opset=17)
    path = OUT / f"{name}.onnx"
    path.write_bytes(onx.SerializeToString())
    return path


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    rng = np.random.RandomState(SEED)
    members = corpus(240, rng)
    nonmembers = corpus(240, rng)
    population = corpus(240, rng)
    members.to_csv(OUT / "messages.members.csv")
    nonmembers.to_csv(OUT / "messages.nonmembers.csv")
    population.to_csv(OUT / "messages.population.csv")
    pipes = {
        "tfidf_logreg": Pipeline([("tfidf", TfidfVectorizer()), ("clf", LogisticRegression(C=30.0, max_iter=2000))]),
        "count_nb": Pipeline([("count", CountVectorizer(ngram_range=(1, 2))), ("clf", MultinomialNB(alpha=0.1))]),
    }
    rows = nonmembers["text"].iloc[:ROWS].to_numpy().astype(object).reshape(-1, 1)
    expected = {"rows": ROWS}
    for name, pipe in pipes.items():
        path = export(name, pipe, members)
        sess = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        names = [o.name for o in sess.get_outputs()]
        out = dict(zip(names, sess.run(None, {"text": rows})))
        scores_name = "probabilities" if "probabilities" in out else next(n for n in names if n != "label")
        expected[name] = {
            "operators": sorted({n.op_type for n in onnx.load(str(path)).graph.node}),
            "outputs": names,
            "scores_output": scores_name,
            "scores": np.asarray(out[scores_name], dtype=np.float64).tolist(),
            "label": np.asarray(out["label"]).astype(int).reshape(-1).tolist(),
            "train_accuracy": float(pipe.score(members["text"], members["label"])),
            "test_accuracy": float(pipe.score(nonmembers["text"], nonmembers["label"])),
        }
        print(name, {k: expected[name][k] for k in ("operators", "outputs", "train_accuracy", "test_accuracy")})
    (OUT / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")


if __name__ == "__main__":
    main()
