# label: leakage/none
# twin: ovl_near_duplicate_reviews_before_split__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

reviews = pd.read_json("app_reviews.jsonl", lines=True)
# The scraper collected every review once per app version it was visible under,
# so the same text appears several times: keep one copy of each before splitting.
print(reviews.duplicated(subset=["text"]).sum(), "repeated review texts")
reviews = reviews.drop_duplicates(subset=["text"]).reset_index(drop=True)

X_train, X_test, y_train, y_test = train_test_split(
    reviews["text"], reviews["is_negative"], test_size=0.2, stratify=reviews["is_negative"], random_state=8
)
clf = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=3), LogisticRegression(max_iter=2000, C=4.0))
clf.fit(X_train, y_train)
print("F1", f1_score(y_test, clf.predict(X_test)))
