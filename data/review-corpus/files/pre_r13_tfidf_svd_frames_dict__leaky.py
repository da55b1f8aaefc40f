# label: leakage/preprocessing
# twin: pre_r13_tfidf_svd_frames_dict__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Predict from the opening message whether a support ticket is resolved within 24 hours."""
import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

META = ["priority_code", "n_attachments", "customer_tier"]
EXPORTED_AT = pd.Timestamp("2024-12-31 23:59")


def load_tickets(path):
    t = pd.read_csv(path, parse_dates=["created_at", "resolved_at"])
    t = t[t["created_at"] < EXPORTED_AT - pd.Timedelta(hours=24)]
    hours = (t["resolved_at"] - t["created_at"]).dt.total_seconds() / 3600
    t["fast"] = (hours <= 24).astype(int)  # still-open tickets count as not fast
    t["text"] = t["subject"].fillna("") + " " + t["first_message"].fillna("")
    return t


tickets = load_tickets("data/tickets_2023_2024.csv")
frames = {
    "train": tickets[tickets["created_at"] < "2024-01-01"],
    "test": tickets[tickets["created_at"] >= "2024-01-01"],
}

vectorizer = TfidfVectorizer(min_df=3, max_df=0.6, ngram_range=(1, 2), sublinear_tf=True)
svd = TruncatedSVD(n_components=150, random_state=0)
svd.fit(vectorizer.fit_transform(tickets["text"]))


def embed(frame):
    topics = svd.transform(vectorizer.transform(frame["text"]))
    return np.hstack([topics, frame[META].to_numpy(dtype=float)])


features = {name: embed(frame) for name, frame in frames.items()}
labels = {name: frame["fast"].to_numpy() for name, frame in frames.items()}

clf = LogisticRegression(C=1.0, max_iter=3000)
clf.fit(features["train"], labels["train"])
for name in frames:
    auc = roc_auc_score(labels[name], clf.predict_proba(features[name])[:, 1])
    print(f"{name:>5}: n={len(labels[name]):6d}  ROC AUC={auc:.4f}")
