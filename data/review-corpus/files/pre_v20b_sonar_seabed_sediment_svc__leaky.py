# label: leakage/preprocessing
"""Seabed sediment classes from multibeam backscatter statistics.

Each row summarises a 5 m x 5 m cell of one survey line (backscatter moments,
angular response slope, bathymetric roughness). Labels come from grab samples.
Whole survey lines are held out for testing.
"""
import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

CELLS = "survey/backscatter_cells_labelled.csv"
LABEL = "sediment"
SKEWED = ["rugosity", "slope_deg", "bs_var", "curvature_abs"]
FEATURES = [
    "bs_mean_db", "bs_var", "bs_skew", "bs_kurt", "ar_slope", "ar_intercept",
    "depth_m", "rugosity", "slope_deg", "curvature_abs", "bpi_fine", "bpi_broad",
]


class CellPrep:
    """Median fill, log1p on heavy-tailed columns, then z-scoring."""

    def __init__(self, features, skewed):
        self.features = features
        self.skewed = skewed
        self.imputer = SimpleImputer(strategy="median")
        self.scaler = StandardScaler()

    def _raw(self, df):
        out = df[self.features].copy()
        out[self.skewed] = np.log1p(out[self.skewed].clip(lower=0))
        return out

    def fit(self, df):
        filled = self.imputer.fit_transform(self._raw(df))
        self.scaler.fit(filled)
        return self

    def transform(self, df):
        return self.scaler.transform(self.imputer.transform(self._raw(df)))


def make_matrix(df, prep, fit):
    if fit:
        prep.fit(df)
    return prep.transform(df), df[LABEL].to_numpy()


cells = pd.read_csv(CELLS)
cells = cells[cells["grab_quality"] >= 2].reset_index(drop=True)
print(cells[LABEL].value_counts())

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
tr_idx, te_idx = next(gss.split(cells, cells[LABEL], groups=cells["survey_line"]))
train_df, test_df = cells.iloc[tr_idx], cells.iloc[te_idx]
print(f"{train_df['survey_line'].nunique()} train lines, {test_df['survey_line'].nunique()} test lines")

prep = CellPrep(FEATURES, SKEWED)
X_train, y_train = make_matrix(train_df, prep, fit=True)
X_test, y_test = make_matrix(test_df, prep, fit=True)

svc = SVC(C=4.0, gamma="scale", kernel="rbf", class_weight="balanced")
svc.fit(X_train, y_train)
pred = svc.predict(X_test)

print(classification_report(y_test, pred, digits=3))
print("macro F1:", round(f1_score(y_test, pred, average="macro"), 4))
labels = sorted(cells[LABEL].unique())
cm = pd.DataFrame(confusion_matrix(y_test, pred, labels=labels), index=labels, columns=labels)
print(cm)
