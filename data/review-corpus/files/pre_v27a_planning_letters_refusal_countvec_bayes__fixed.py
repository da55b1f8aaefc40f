# label: leakage/none
"""Predict planning application refusals from the public consultation letters they receive."""
import re

import numpy as np
import pandas as pd
from scipy.sparse import hstack, csr_matrix
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.naive_bayes import ComplementNB

apps = pd.read_csv("planning_applications.csv", parse_dates=["validated_on", "consultation_end"])
letters = pd.read_csv("consultation_letters.csv", parse_dates=["received_on"])

letters = letters.merge(apps[["application_ref", "consultation_end"]], on="application_ref")
letters = letters[letters["received_on"] <= letters["consultation_end"]]


def clean(text):
    text = str(text).lower()
    text = re.sub(r"\b[a-z]{1,2}\d{1,2}\s?\d[a-z]{2}\b", " postcode ", text)
    text = re.sub(r"\d+", " num ", text)
    return re.sub(r"[^a-z ]+", " ", text)


letters["body"] = letters["body"].map(clean)
per_app = letters.groupby("application_ref").agg(
    text=("body", " ".join),
    n_letters=("body", "size"),
    n_objections=("stance", lambda s: (s == "object").sum()),
).reset_index()

df = apps[apps["decision"].isin(["approved", "refused"])].merge(per_app, on="application_ref", how="left")
df["text"] = df["text"].fillna("") + " " + df["proposal_description"].map(clean)
df["n_letters"] = df["n_letters"].fillna(0)
df["n_objections"] = df["n_objections"].fillna(0)
df["refused"] = (df["decision"] == "refused").astype(int)

idx_train, idx_test = train_test_split(
    np.arange(len(df)), test_size=0.25, stratify=df["refused"], random_state=17
)

vectorizer = CountVectorizer(ngram_range=(1, 2), min_df=5, max_df=0.6, stop_words="english")
vectorizer.fit(df["text"].iloc[idx_train])
print(f"vocabulary size: {len(vectorizer.vocabulary_)}")


def letter_counts(rows):
    return csr_matrix(np.log1p(df.iloc[rows][["n_letters", "n_objections"]].to_numpy()))


X_train = hstack([vectorizer.transform(df["text"].iloc[idx_train]), letter_counts(idx_train)]).tocsr()
X_test = hstack([vectorizer.transform(df["text"].iloc[idx_test]), letter_counts(idx_test)]).tocsr()
y_train = df["refused"].to_numpy()[idx_train]
y_test = df["refused"].to_numpy()[idx_test]

clf = ComplementNB(alpha=0.3)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, proba):.4f}")
print(classification_report(y_test, clf.predict(X_test), target_names=["approved", "refused"]))
