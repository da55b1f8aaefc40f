# label: leakage/none
# twin: pre_tfidf__leaky.py
# source: hand-written minimal pair for ai-ci (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score, GridSearchCV, KFold, TimeSeriesSplit
from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, roc_auc_score
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
df = pd.read_json("reviews.json")
text_train, text_test, y_train, y_test = train_test_split(df["text"], df["stars"], random_state=0)
vec = TfidfVectorizer(min_df=2)
X_train = vec.fit_transform(text_train)
clf = LogisticRegression(max_iter=500).fit(X_train, y_train)
print(f1_score(y_test, clf.predict(vec.transform(text_test)), average="macro"))
