# label: leakage/none
# twin: pre_r13b_hotel_review_frozen_tfidf__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Hotel review sentiment: positive vs negative guest reviews.

Reviews of the same hotel share vocabulary (names, landmarks), so whole hotels
are held out. The vectoriser is fitted once and frozen so that the feature
space stays stable between retrains.
"""
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer


def build_pipeline(corpus):
    """Logistic regression on a TF-IDF representation frozen on `corpus`."""
    tfidf = TfidfVectorizer(
        ngram_range=(1, 2), min_df=3, max_df=0.9, sublinear_tf=True, strip_accents="unicode"
    ).fit(corpus)
    return Pipeline([
        ("tfidf", FunctionTransformer(tfidf.transform, accept_sparse=True)),
        ("clf", LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")),
    ])


reviews = pd.read_csv("data/hotel_reviews.csv").dropna(subset=["review_text"])
reviews = reviews.drop_duplicates(subset="review_text")
reviews["positive"] = (reviews["stars"] >= 4).astype(int)
reviews = reviews[reviews["stars"] != 3]  # neutral reviews are dropped

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=8)
tr_idx, te_idx = next(gss.split(reviews, groups=reviews["hotel_id"]))
train, test = reviews.iloc[tr_idx], reviews.iloc[te_idx]

pipe = build_pipeline(train["review_text"])  # vocabulary and IDF from training hotels only
pipe.fit(train["review_text"], train["positive"])

proba = pipe.predict_proba(test["review_text"])[:, 1]
print(f"held-out hotels: {test['hotel_id'].nunique()}, reviews: {len(test)}")
print(f"ROC AUC: {roc_auc_score(test['positive'], proba):.3f}")
print(classification_report(test["positive"], (proba >= 0.5).astype(int), digits=3))
