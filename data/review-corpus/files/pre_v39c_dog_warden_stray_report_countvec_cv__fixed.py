# label: leakage/none
"""Route public dog-warden reports to the right response queue.

Reports arrive through the council web form and the contact centre; the
warden team later files each one under a response category. We want the form
to pre-select the category from the free text the caller gives.
"""
import re

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline

REPORTS = "warden/reports_2021_2024.csv"
CATEGORIES = ["stray_contained", "stray_roaming", "dangerous_dog", "fouling", "barking", "welfare"]

VEC_PARAMS = dict(
    ngram_range=(1, 2),
    min_df=3,
    max_df=0.9,
    stop_words="english",
    binary=True,
)


def clean_text(text):
    text = text.lower()
    text = re.sub(r"\b[a-z]{1,2}\d{1,2}[a-z]?\s*\d[a-z]{2}\b", " postcode ", text)
    text = re.sub(r"\b0\d{9,10}\b", " phone ", text)
    text = re.sub(r"[^a-z' ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def load_reports(path):
    df = pd.read_csv(path)
    df = df[df["response_category"].isin(CATEGORIES)].dropna(subset=["report_text"])
    df["text"] = df["report_text"].map(clean_text)
    df = df[df["text"].str.len() > 10]
    return df.reset_index(drop=True)


def main():
    reports = load_reports(REPORTS)
    y = reports["response_category"].to_numpy()
    print(reports["response_category"].value_counts(normalize=True).round(3))

    model = make_pipeline(
        CountVectorizer(**VEC_PARAMS),
        LogisticRegression(C=0.5, max_iter=3000, class_weight="balanced"),
    )

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=8)
    res = cross_validate(
        model, reports["text"], y, cv=cv,
        scoring=["accuracy", "f1_macro", "balanced_accuracy"],
    )
    for metric in ["accuracy", "f1_macro", "balanced_accuracy"]:
        vals = res[f"test_{metric}"]
        print(f"{metric:>18s}: {vals.mean():.3f} +/- {vals.std():.3f}")

    model.fit(reports["text"], y)
    vectorizer, clf = model[0], model[-1]
    vocab = np.array(vectorizer.get_feature_names_out())
    for i, label in enumerate(clf.classes_):
        top = vocab[np.argsort(clf.coef_[i])[-8:][::-1]]
        print(f"{label:>16s}: {', '.join(top)}")


if __name__ == "__main__":
    main()
