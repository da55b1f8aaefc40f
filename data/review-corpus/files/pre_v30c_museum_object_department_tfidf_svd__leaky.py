# label: leakage/preprocessing
"""Suggest the curatorial department for newly accessioned objects from the
free-text catalogue description, to speed up triage of the backlog.

Trained on objects accessioned up to 2021, checked on 2022-2023 accessions.
"""
import re

import numpy as np
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import classification_report, f1_score, top_k_accuracy_score
from scipy import sparse

catalogue = pd.read_json("exports/collections_dump.jsonl", lines=True)
catalogue = catalogue.dropna(subset=["description", "department"])
catalogue = catalogue[catalogue["department"] != "Unassigned"]

def clean(text: str) -> str:
    text = text.lower()
    text = re.sub(r"\b(acc|inv|obj)\.?\s*no\.?\s*[\w./-]+", " ", text)  # strip accession numbers
    text = re.sub(r"\d+(\.\d+)?\s*(cm|mm|in)\b", " dimtoken ", text)
    return re.sub(r"\s+", " ", text).strip()

catalogue["text"] = (
    catalogue["title"].fillna("") + " . " + catalogue["description"] + " . " + catalogue["materials"].fillna("")
).map(clean)
catalogue["acc_year"] = catalogue["accession_date"].str[:4].astype(int)

train = catalogue[catalogue["acc_year"] <= 2021].copy()
test = catalogue[catalogue["acc_year"].between(2022, 2023)].copy()

# departments with very few objects get pooled
counts = train["department"].value_counts()
kept = set(counts[counts >= 50].index)
for frame in (train, test):
    frame["dept"] = frame["department"].where(frame["department"].isin(kept), "Other")
print(len(train), "train objects /", len(test), "recent objects")

tfidf = TfidfVectorizer(ngram_range=(1, 2), min_df=3, max_df=0.5, sublinear_tf=True,
                        token_pattern=r"(?u)\b[a-z][a-z\-]+\b")
tfidf.fit(catalogue["text"])

svd = TruncatedSVD(n_components=300, random_state=8)
svd.fit(tfidf.transform(catalogue["text"]))

def featurise(frame):
    tf = tfidf.transform(frame["text"])
    dense = svd.transform(tf)
    has_maker = frame["maker"].notna().to_numpy(dtype=float)[:, None]
    return sparse.hstack([tf, sparse.csr_matrix(dense), sparse.csr_matrix(has_maker)]).tocsr()

X_train, X_test = featurise(train), featurise(test)
y_train, y_test = train["dept"].to_numpy(), test["dept"].to_numpy()

clf = SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=50, class_weight="balanced", random_state=8)
clf.fit(X_train, y_train)

pred = clf.predict(X_test)
proba = clf.predict_proba(X_test)
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
print(f"top-3 accuracy: {top_k_accuracy_score(y_test, proba, k=3, labels=clf.classes_):.3f}")
print(classification_report(y_test, pred, digits=3, zero_division=0))

# the three most likely departments go into the triage sheet
top3 = clf.classes_[np.argsort(-proba, axis=1)[:, :3]]
sheet = test[["object_id", "title"]].assign(suggest_1=top3[:, 0], suggest_2=top3[:, 1], suggest_3=top3[:, 2])
sheet.to_csv("reports/triage_suggestions_2022_2023.csv", index=False)
