# label: leakage/none
# twin: sel_fraud_threshold_class__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier


class FraudModel:
    """Gradient-boosted trees with a decision threshold chosen for F1."""

    def __init__(self, threshold=0.5):
        self.threshold = threshold
        self.clf = XGBClassifier(n_estimators=300, max_depth=4, learning_rate=0.1, random_state=0)

    def fit(self, X, y):
        self.clf.fit(X, y)
        return self

    def tune_threshold(self, X, y):
        proba = self.clf.predict_proba(X)[:, 1]
        grid = np.linspace(0.05, 0.95, 91)
        self.threshold = grid[np.argmax([f1_score(y, proba >= t) for t in grid])]
        return self

    def predict(self, X):
        return (self.clf.predict_proba(X)[:, 1] >= self.threshold).astype(int)

    def report(self, X, y):
        pred = self.predict(X)
        return {
            "threshold": round(float(self.threshold), 2),
            "f1": f1_score(y, pred),
            "precision": precision_score(y, pred),
            "recall": recall_score(y, pred),
        }


transactions = pd.read_csv("creditcard.csv")
X = transactions.drop(columns=["Class", "Time"])
y = transactions["Class"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, stratify=y_train, random_state=0)

model = FraudModel().fit(X_fit, y_fit).tune_threshold(X_val, y_val)
print(model.report(X_test, y_test))
