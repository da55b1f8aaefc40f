# label: leakage/none
"""Predict from the dispatcher's job notes whether a plumbing callout will need a return visit."""
import re

import numpy as np
import pandas as pd
from gensim.models import Word2Vec
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

jobs = pd.read_csv("callout_jobs.csv", parse_dates=["logged_at"])
properties = pd.read_csv("property_register.csv")

df = jobs.merge(properties, on="property_id", how="left")
df = df.dropna(subset=["dispatcher_notes"]).sort_values("logged_at").reset_index(drop=True)
df["property_age"] = df["property_age"].clip(0, 200)
df["is_out_of_hours"] = (~df["logged_at"].dt.hour.between(8, 17)).astype(int)
df["is_landlord"] = df["customer_type"].eq("landlord").astype(int)
df["prior_jobs"] = df.groupby("property_id").cumcount()
df["return_visit"] = df["return_visit"].astype(int)

TOKEN = re.compile(r"[a-z][a-z0-9']+")


def tokenise(text):
    text = text.lower().replace("w/c", "toilet").replace("c/h", "central heating")
    return TOKEN.findall(text)


df["tokens"] = df["dispatcher_notes"].map(tokenise)


def note_vector(tokens, model):
    vecs = [model.wv[t] for t in tokens if t in model.wv]
    if not vecs:
        return np.zeros(model.vector_size, dtype=np.float32)
    return np.mean(vecs, axis=0)


tabular = ["property_age", "is_out_of_hours", "is_landlord", "prior_jobs"]
cutoff = pd.Timestamp("2024-07-01")
train = df[df["logged_at"] < cutoff]
test = df[df["logged_at"] >= cutoff]

# embeddings are learned from the training-period notes only
w2v = Word2Vec(
    sentences=train["tokens"].tolist(), vector_size=100, window=5, min_count=3,
    sg=1, epochs=20, workers=4, seed=13,
)

X_train = np.hstack([np.vstack(train["tokens"].map(lambda t: note_vector(t, w2v))),
                     train[tabular].to_numpy(dtype=float)])
X_test = np.hstack([np.vstack(test["tokens"].map(lambda t: note_vector(t, w2v))),
                    test[tabular].to_numpy(dtype=float)])
y_train, y_test = train["return_visit"], test["return_visit"]

clf = make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced"))
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"train jobs {len(train)}, test jobs {len(test)}, return-visit rate {y_test.mean():.1%}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"average precision: {average_precision_score(y_test, proba):.3f}")
print(classification_report(y_test, (proba >= 0.5).astype(int), digits=3))
print(w2v.wv.most_similar("cistern", topn=5) if "cistern" in w2v.wv else "")
