# label: leakage/none
"""Triage model for the vet telehealth queue.

Owners describe the problem in a free-text chat before a vet picks it up; we want
to route 'urgent' chats to the front. This script compares a few TF-IDF setups
for the intake classifier and writes out the chosen configuration.
"""
import itertools
import json

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

CHATS = "data/telehealth/chat_transcripts.parquet"
OUT_CFG = "models/triage_vectorizer.json"

chats = pd.read_parquet(CHATS, columns=["chat_id", "species", "owner_text", "urgency"])
chats = chats.dropna(subset=["owner_text", "urgency"]).drop_duplicates("chat_id")
chats["text"] = chats["species"].fillna("unknown") + " | " + chats["owner_text"].str.lower()
# vets handle 'critical' and 'urgent' through the same path
chats["urgency"] = chats["urgency"].replace({"critical": "urgent"})
print(chats["urgency"].value_counts())

train_df, test_df = train_test_split(
    chats, test_size=0.2, stratify=chats["urgency"], random_state=11
)
fit_df, val_df = train_test_split(
    train_df, test_size=0.2, stratify=train_df["urgency"], random_state=12
)


def make_vectorizer(analyzer, ngrams, min_df):
    if analyzer == "char_wb":
        ngrams = (ngrams[0] + 2, ngrams[1] + 3)
    return TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams, min_df=min_df,
                           sublinear_tf=True, strip_accents="unicode")


grid = itertools.product(["word", "char_wb"], [(1, 1), (1, 2), (1, 3)], [2, 5, 10])
rows = []
for analyzer, ngrams, min_df in grid:
    vec = make_vectorizer(analyzer, ngrams, min_df)
    X_fit = vec.fit_transform(fit_df["text"])
    X_eval = vec.transform(val_df["text"])
    clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
    clf.fit(X_fit, fit_df["urgency"])
    macro = f1_score(val_df["urgency"], clf.predict(X_eval), average="macro")
    rows.append({"analyzer": analyzer, "ngrams": ngrams, "min_df": min_df,
                 "vocab": len(vec.vocabulary_), "macro_f1": macro})
    print(f"{analyzer:8s} {str(ngrams):8s} min_df={min_df:<3d} vocab={len(vec.vocabulary_):>7d}  F1={macro:.4f}")

board = pd.DataFrame(rows).sort_values("macro_f1", ascending=False)
print(board.head(5).to_string(index=False))
best = board.iloc[0]

vec = make_vectorizer(best["analyzer"], best["ngrams"], int(best["min_df"]))
X_train = vec.fit_transform(train_df["text"])
X_test = vec.transform(test_df["text"])
clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
clf.fit(X_train, train_df["urgency"])
pred = clf.predict(X_test)

print("\nChosen:", best["analyzer"], best["ngrams"], "min_df", best["min_df"])
print(classification_report(test_df["urgency"], pred, digits=3))
print(f"Holdout macro F1: {f1_score(test_df['urgency'], pred, average='macro'):.4f}")

with open(OUT_CFG, "w") as fh:
    json.dump({"analyzer": best["analyzer"], "ngram_range": list(best["ngrams"]),
               "min_df": int(best["min_df"]),
               "val_macro_f1": float(np.round(best["macro_f1"], 4)),
               "holdout_macro_f1": float(np.round(f1_score(test_df["urgency"], pred, average="macro"), 4))},
              fh, indent=2)
