# label: leakage/none
# twin: pre_r13c_ecommerce_tfidf_all_logs__leaky.py
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

# train on the first 80% of the log, test on the most recent 20%
train_df, test_df = train_test_split(logs, test_size=0.2, shuffle=False)

vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
X_train = hstack([vec.fit_transform(train_df["text"]), csr_matrix(train_df[num_cols].values)]).tocsr()
X_test = hstack([vec.transform(test_df["text"]), csr_matrix(test_df[num_cols].values)]).tocsr()
y_train = train_df["clicked"].values
y_test = test_df["clicked"].values
print("vocabulary size:", len(vec.vocabulary_))

clf = LogisticRegression(C=2.0, max_iter=2000)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
print("test ROC AUC: %.4f" % roc_auc_score(y_test, proba))
print(classification_report(y_test, (proba > 0.5).astype(int), digits=3))
