# label: leakage/none
# twin: sel_r13_trainer_threshold_on_test__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Flag patients at risk of an adverse drug event within 30 days of starting therapy."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

FEATURES = ["age", "weight_kg", "egfr", "alt_u_l", "dose_mg_per_kg",
            "n_concomitant_drugs", "prior_ade", "charlson_index"]


class Trainer:
    def __init__(self, C=1.0):
        self.model = make_pipeline(
            StandardScaler(),
            LogisticRegression(C=C, class_weight="balanced", max_iter=2000),
        )
        self.threshold = 0.5

    def train(self, X, y):
        self.model.fit(X, y)
        return self

    def scores(self, X):
        return self.model.predict_proba(X)[:, 1]

    def tune_threshold(self, X, y):
        probs = self.scores(X)
        grid = np.linspace(0.05, 0.95, 91)
        f1s = [f1_score(y, probs >= t) for t in grid]
        self.threshold = float(grid[int(np.argmax(f1s))])
        return self.threshold

    def evaluate(self, X, y):
        pred = self.scores(X) >= self.threshold
        return {
            "threshold": round(self.threshold, 2),
            "precision": precision_score(y, pred),
            "recall": recall_score(y, pred),
            "f1": f1_score(y, pred),
        }


# one row per patient: first exposure to the index drug, labs taken before the first dose
cohort = pd.read_parquet("data/ade_cohort.parquet").dropna(subset=FEATURES)
X = cohort[FEATURES]
y = cohort["ade_30d"]
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=11
)
X_fit, X_val, y_fit, y_val = train_test_split(
    X_train, y_train, test_size=0.2, stratify=y_train, random_state=11
)

trainer = Trainer(C=0.5).train(X_fit, y_fit)
trainer.tune_threshold(X_val, y_val)
report = trainer.evaluate(X_test, y_test)
print("held-out report:", report)
