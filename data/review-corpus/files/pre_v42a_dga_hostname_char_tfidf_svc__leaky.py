# label: leakage/preprocessing
"""Score resolver-log hostnames as DGA-generated vs. benign.

Benign names come from the top-1M popularity lists, DGA names from the sinkhole feed.
"""
import math
from collections import Counter

import joblib
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

VOWELS = set("aeiou")


def second_level(host):
    parts = host.lower().rstrip(".").split(".")
    return parts[-2] if len(parts) >= 2 else parts[0]


def entropy(s):
    counts = Counter(s)
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values()) if n else 0.0


def lexical_features(names):
    rows = []
    for s in names:
        n = max(len(s), 1)
        longest_cons = max((len(run) for run in "".join(
            ch if ch.isalpha() and ch not in VOWELS else " " for ch in s).split()), default=0)
        rows.append([
            len(s) / 63.0,
            entropy(s) / 6.0,
            sum(ch.isdigit() for ch in s) / n,
            sum(ch in VOWELS for ch in s) / n,
            s.count("-") / n,
            longest_cons / n,
        ])
    return np.asarray(rows)


def load_hosts():
    benign = pd.read_csv("data/benign_hosts.csv", usecols=["host"]).assign(is_dga=0)
    dga = pd.read_csv("data/sinkhole_dga_hosts.csv", usecols=["host", "family"]).assign(is_dga=1)
    df = pd.concat([benign, dga], ignore_index=True)
    df["sld"] = df["host"].map(second_level)
    df = df[df["sld"].str.len() >= 3]
    return df.drop_duplicates(subset="sld").reset_index(drop=True)


def main():
    df = load_hosts()
    y = df["is_dga"].to_numpy()
    print(df["is_dga"].value_counts())

    idx_train, idx_test = train_test_split(
        np.arange(len(df)), test_size=0.25, stratify=y, random_state=5
    )

    vec = TfidfVectorizer(analyzer="char", ngram_range=(2, 4), min_df=3, sublinear_tf=True)
    vec.fit(df["sld"])
    X = hstack([vec.transform(df["sld"]), csr_matrix(lexical_features(df["sld"]))]).tocsr()

    clf = LinearSVC(C=0.5, class_weight="balanced", max_iter=5000)
    clf.fit(X[idx_train], y[idx_train])

    scores = clf.decision_function(X[idx_test])
    pred = (scores > 0).astype(int)
    print(classification_report(y[idx_test], pred, target_names=["benign", "dga"], digits=4))
    print(f"ROC AUC: {roc_auc_score(y[idx_test], scores):.4f}")

    test_df = df.iloc[idx_test].assign(pred=pred)
    per_family = test_df[test_df["is_dga"] == 1].groupby("family")["pred"].mean()
    print(per_family.sort_values().head(10).round(3))

    joblib.dump({"vectorizer": vec, "model": clf}, "dga_svc.joblib")


if __name__ == "__main__":
    main()
