# label: leakage/none
# twin: pre_v16_cargo_drone_selection_cv__leaky.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

PATH = "data/cargo_drone_deliveries.csv"
TARGET = "late_delivery"
DROP = ["delivery_id", "drone_id", "dispatched_at", TARGET]
K_BEST = 12


class DeliveryData:
    def __init__(self, path):
        self.frame = pd.read_csv(path)
        self.frame = self.frame.drop_duplicates("delivery_id")

    def xy(self):
        X = self.frame.drop(columns=DROP).select_dtypes("number")
        y = self.frame[TARGET].astype(int)
        return X, y


def make_pipeline_for_cv():
    return Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("select", SelectKBest(f_classif, k=K_BEST)),
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(C=0.5, max_iter=5000)),
    ])


def main():
    X, y = DeliveryData(PATH).xy()
    print(f"{X.shape[1]} numeric telemetry columns, late rate {y.mean():.3f}")

    X_model = X

    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=17)
    res = cross_validate(make_pipeline_for_cv(), X_model, y, cv=cv,
                         scoring=["roc_auc", "balanced_accuracy"])
    for metric in ("test_roc_auc", "test_balanced_accuracy"):
        vals = res[metric]
        print(f"{metric}: {np.mean(vals):.3f} +/- {np.std(vals):.3f}")


if __name__ == "__main__":
    main()
