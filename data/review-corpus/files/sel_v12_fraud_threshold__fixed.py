# label: leakage/none
# twin: sel_v12_fraud_threshold__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split


def best_threshold(y_true, scores, grid=np.linspace(0.05, 0.95, 91)):
    f1s = [f1_score(y_true, scores >= t) for t in grid]
    return grid[int(np.argmax(f1s))]


tx = pd.read_csv("data/card_transactions.csv")
features = ["amount", "hour", "merchant_risk", "card_age_days", "n_tx_24h", "dist_from_home_km"]
X, y = tx[features], tx["is_fraud"]

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=0)
X_train, X_val, y_train, y_val = train_test_split(
    X_dev, y_dev, test_size=0.25, stratify=y_dev, random_state=0
)

clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, class_weight="balanced")
clf.fit(X_train, y_train)

test_scores = clf.predict_proba(X_test)[:, 1]
thr = best_threshold(y_val, clf.predict_proba(X_val)[:, 1])
pred = test_scores >= thr

print(f"threshold={thr:.2f}")
print(f"precision={precision_score(y_test, pred):.3f} recall={recall_score(y_test, pred):.3f}")
print(f"F1={f1_score(y_test, pred):.3f}")
