# label: leakage/none
# twin: pre_tfidf_all_documents__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

reviews = pd.read_csv("product_reviews.csv")
text_train, text_test, y_train, y_test = train_test_split(reviews["text"], reviews["positive"], test_size=0.2, random_state=35)
vec = TfidfVectorizer(min_df=3, ngram_range=(1, 2))
X_train = vec.fit_transform(text_train)
clf = LogisticRegression(max_iter=2000).fit(X_train, y_train)
print(clf.score(vec.transform(text_test), y_test))
