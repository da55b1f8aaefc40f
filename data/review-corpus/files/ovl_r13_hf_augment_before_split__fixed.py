# label: leakage/none
# twin: ovl_r13_hf_augment_before_split__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Classify restaurant inspector notes as critical / non-critical violations."""
import random

import pandas as pd
from datasets import Dataset
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.pipeline import make_pipeline

SYNONYMS = {
    "observed": ["noted", "seen"], "cooler": ["refrigerator", "fridge"],
    "employee": ["staff member", "worker"], "surface": ["counter", "area"],
    "stored": ["kept", "placed"], "improper": ["incorrect", "inadequate"],
}


def swap_synonyms(text, rng):
    words = text.split()
    return " ".join(
        rng.choice(SYNONYMS[w.lower()]) if w.lower() in SYNONYMS and rng.random() < 0.5 else w
        for w in words
    )


def augment_batch(batch, n_copies=2, seed=0):
    rng = random.Random(seed)
    out = {"note": [], "critical": []}
    for note, label in zip(batch["note"], batch["critical"]):
        out["note"].append(note)
        out["critical"].append(label)
        for _ in range(n_copies):
            out["note"].append(swap_synonyms(note, rng))
            out["critical"].append(label)
    return out


# latest inspection per restaurant, boilerplate duplicates removed
notes = (
    pd.read_csv("data/inspection_notes.csv", parse_dates=["inspection_date"])
    .sort_values("inspection_date")
    .drop_duplicates("restaurant_id", keep="last")
    .drop_duplicates("note")[["note", "critical"]]
)
ds = Dataset.from_pandas(notes, preserve_index=False)
ds = ds.filter(lambda ex: isinstance(ex["note"], str) and len(ex["note"].split()) >= 5)
splits = ds.train_test_split(test_size=0.2, seed=21)
# paraphrased copies are added to the training split only
splits["train"] = splits["train"].map(
    augment_batch, batched=True, remove_columns=splits["train"].column_names
)

clf = make_pipeline(
    TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True),
    LogisticRegression(C=4.0, max_iter=2000),
)
clf.fit(splits["train"]["note"], splits["train"]["critical"])
pred = clf.predict(splits["test"]["note"])
print(classification_report(splits["test"]["critical"], pred, digits=3))
