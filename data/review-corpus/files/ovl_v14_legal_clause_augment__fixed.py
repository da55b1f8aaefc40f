# label: leakage/none
# twin: ovl_v14_legal_clause_augment__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Contract clause-type classifier (termination, indemnity, confidentiality, ...) with light text augmentation."""
import random

import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.pipeline import make_pipeline

CLAUSE_BANK = "data/contracts/clause_bank.csv"
SEED = 17
N_AUG = 2
LEGAL_SYNONYMS = {
    "shall": ["will", "must"],
    "agreement": ["contract", "this agreement"],
    "party": ["signatory", "contracting party"],
    "terminate": ["end", "cancel"],
    "notice": ["notification", "written notice"],
    "confidential": ["proprietary", "non-public"],
    "damages": ["losses", "liabilities"],
}


def perturb(text, rng):
    words = []
    for w in text.split():
        key = w.lower().strip(".,;:")
        if key in LEGAL_SYNONYMS and rng.random() < 0.5:
            words.append(rng.choice(LEGAL_SYNONYMS[key]))
        elif rng.random() < 0.05:
            continue  # random word dropout
        else:
            words.append(w)
    return " ".join(words)


def augment(ds, n_aug, seed):
    rng = random.Random(seed)

    def _expand(batch):
        out = {"text": [], "label": []}
        for text, label in zip(batch["text"], batch["label"]):
            out["text"].append(text)
            out["label"].append(label)
            for _ in range(n_aug):
                out["text"].append(perturb(text, rng))
                out["label"].append(label)
        return out

    return ds.map(_expand, batched=True, remove_columns=ds.column_names)


def load_clauses(path):
    frame = pd.read_csv(path).dropna(subset=["text", "label"])
    frame = frame[frame["text"].str.len() > 20].drop_duplicates("text")
    ds = Dataset.from_pandas(frame[["text", "label"]], preserve_index=False)
    return ds.class_encode_column("label")


def main():
    ds = load_clauses(CLAUSE_BANK)
    names = ds.features["label"].names

    splits = ds.train_test_split(test_size=0.2, seed=SEED)
    train, test = augment(splits["train"], N_AUG, SEED), splits["test"]
    print(f"train {len(train)} clauses, test {len(test)} clauses")

    clf = make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
        LogisticRegression(max_iter=3000, C=4.0),
    )
    clf.fit(train["text"], train["label"])
    pred = clf.predict(test["text"])
    print(classification_report(test["label"], pred, labels=list(range(len(names))), target_names=names, digits=3))


if __name__ == "__main__":
    main()
