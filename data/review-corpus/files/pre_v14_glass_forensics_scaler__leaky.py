# label: leakage/preprocessing
# twin: pre_v14_glass_forensics_scaler__fixed.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""k-NN classifier for forensic glass fragments (window / container / tableware / headlamp) from oxide composition."""
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier

PATH = "data/forensics/glass_fragments.csv"
OXIDES = ["Na", "Mg", "Al", "K", "Ca", "Ba", "Fe"]
KNN = dict(n_neighbors=5, weights="distance", p=1)
SEED = 8


class CompositionFeatures:
    """Refractive index plus log-ratio oxide features (relative to silica), standardised."""

    def __init__(self, eps=1e-3):
        self.eps = eps
        self.mean_ = None
        self.std_ = None

    def _raw(self, df):
        out = pd.DataFrame({"RI": df["RI"]}, index=df.index)
        for ox in OXIDES:
            out[f"log_{ox}_Si"] = np.log((df[ox] + self.eps) / (df["Si"] + self.eps))
        out["alkali"] = df["Na"] + df["K"]
        out["earth_alkali"] = df["Mg"] + df["Ca"] + df["Ba"]
        return out

    def fit(self, df):
        raw = self._raw(df)
        self.mean_ = raw.mean()
        self.std_ = raw.std(ddof=0).replace(0, 1)
        return self

    def transform(self, df):
        return ((self._raw(df) - self.mean_) / self.std_).to_numpy()


def main():
    df = pd.read_csv(PATH)
    df = df[df["glass_type"].map(df["glass_type"].value_counts()) >= 5]
    feats = CompositionFeatures().fit(df)
    X, y = feats.transform(df), df["glass_type"].to_numpy()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, random_state=SEED
    )

    knn = KNeighborsClassifier(**KNN).fit(X_train, y_train)
    pred = knn.predict(X_test)
    print(f"test accuracy: {accuracy_score(y_test, pred):.3f}")
    print(classification_report(y_test, pred, digits=3, zero_division=0))
    labels = np.unique(y)
    print(pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels))


if __name__ == "__main__":
    main()
