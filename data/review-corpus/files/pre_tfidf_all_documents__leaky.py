# label: leakage/preprocessing
# twin: pre_tfidf_all_documents__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

reviews = pd.read_csv("product_reviews.csv")
vec = TfidfVectorizer(min_df=3, ngram_range=(1, 2))
X = vec.fit_transform(reviews["text"])
X_train, X_test, y_train, y_test = train_test_split(X, reviews["positive"], test_size=0.2, random_state=35)
clf = LogisticRegression(max_iter=2000).fit(X_train, y_train)
print(clf.score(X_test, y_test))
