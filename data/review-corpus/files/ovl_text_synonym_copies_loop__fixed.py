# label: leakage/none
# twin: ovl_text_synonym_copies_loop__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import random

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

SYNONYMS = {"good": "great", "bad": "poor", "movie": "film"}


def swap_synonyms(text):
    return " ".join(SYNONYMS.get(w, w) if random.random() < 0.5 else w for w in text.split())


reviews = pd.read_csv("short_reviews.csv")
X_tr, X_te, y_tr, y_te = train_test_split(reviews["text"], reviews["sentiment"], test_size=0.2, random_state=1)
# augmented copies of the training reviews only
texts, labels = [], []
for text, label in zip(X_tr, y_tr):
    texts.append(text)
    labels.append(label)
    texts.append(swap_synonyms(text))
    labels.append(label)

clf = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(texts, labels)
print("test accuracy:", clf.score(X_te, y_te))
