# label: leakage/preprocessing
# twin: pre_v14_patent_tfidf__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Assign the CPC section (A-H) to new patent applications from title + abstract."""
import re
from pathlib import Path

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

DATA_DIR = Path("data/patents")
ARTIFACTS = Path("artifacts/cpc_section")
TFIDF_KW = dict(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.6,
    max_features=200_000,
    sublinear_tf=True,
    stop_words="english",
)
BOILERPLATE = re.compile(
    r"\b(the present (invention|disclosure)|according to (an|one) embodiment|disclosed herein)\b", re.I
)


def read_applications(data_dir):
    frames = [pd.read_parquet(p) for p in sorted(data_dir.glob("applications_*.parquet"))]
    df = pd.concat(frames, ignore_index=True).drop_duplicates("application_id")
    df["section"] = df["cpc_main"].str[0]
    text = df["title"].fillna("") + ". " + df["abstract"].fillna("")
    df["text"] = text.str.replace(BOILERPLATE, " ", regex=True)
    return df[df["text"].str.len() > 50]


def vectorise(texts, **kw):
    vec = TfidfVectorizer(**kw)
    return vec, vec.fit_transform(texts)


def main():
    df = read_applications(DATA_DIR)
    vec, X = vectorise(df["text"], **TFIDF_KW)
    y = df["section"].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=99
    )

    clf = LinearSVC(C=0.5, class_weight="balanced")
    clf.fit(X_train, y_train)
    pred = clf.predict(X_test)
    print(f"vocabulary size: {len(vec.vocabulary_):,}")
    print(f"micro-F1 {f1_score(y_test, pred, average='micro'):.4f}")
    print(f"macro-F1 {f1_score(y_test, pred, average='macro'):.4f}")
    print(classification_report(y_test, pred, digits=3))

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    joblib.dump({"vectorizer": vec, "model": clf}, ARTIFACTS / "tfidf_linearsvc.joblib")


if __name__ == "__main__":
    main()
