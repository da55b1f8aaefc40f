# label: leakage/none
# twin: pre_tfidf_svd_cv__leaky.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline

reviews = pd.read_json("reviews.jsonl", lines=True)
texts, stars = reviews["text"], (reviews["stars"] >= 4).astype(int)

model = make_pipeline(
    TfidfVectorizer(min_df=3, ngram_range=(1, 2), sublinear_tf=True),
    TruncatedSVD(n_components=300, random_state=0),
    LogisticRegression(max_iter=3000),
)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = cross_val_score(model, texts, stars, cv=cv, scoring="roc_auc")
print(f"ROC AUC {scores.mean():.3f} +/- {scores.std():.3f}")
