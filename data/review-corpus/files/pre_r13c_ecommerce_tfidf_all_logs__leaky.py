# label: leakage/preprocessing
# twin: pre_r13c_ecommerce_tfidf_all_logs__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report

# one row per (search, shown product); clicked = 1 if the shopper clicked it
logs = pd.read_csv("search_impressions.csv", parse_dates=["ts"]).sort_values("ts")
logs["text"] = logs["query"].str.lower() + " || " + logs["product_title"].str.lower()
logs["price_log"] = np.log1p(logs["price"])
logs["top3"] = (logs["position"] <= 3).astype(int)
num_cols = ["position", "top3", "price_log", "product_rating"]

vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
text_all = vec.fit_transform(logs["text"])
X = hstack([text_all, csr_matrix(logs[num_cols].values)]).tocsr()
y = logs["clicked"].values
print("vocabulary size:", len(vec.vocabulary_))

# train on the first 80% of the log, test on the most recent 20%
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)

clf = LogisticRegression(C=2.0, max_iter=2000)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
print("test ROC AUC: %.4f" % roc_auc_score(y_test, proba))
print(classification_report(y_test, (proba > 0.5).astype(int), digits=3))
