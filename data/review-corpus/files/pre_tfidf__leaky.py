# label: leakage/preprocessing
# twin: pre_tfidf__fixed.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
df = pd.read_json("reviews.json")
vec = TfidfVectorizer(min_df=2)
X = vec.fit_transform(df["text"])
X_train, X_test, y_train, y_test = train_test_split(X, df["stars"], random_state=0)
clf = LogisticRegression(max_iter=500).fit(X_train, y_train)
print(f1_score(y_test, clf.predict(X_test), average="macro"))
