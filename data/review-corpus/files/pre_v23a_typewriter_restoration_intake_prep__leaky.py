# label: leakage/preprocessing
"""Estimate bench hours needed to restore a vintage typewriter from its intake assessment."""
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor


class IntakePrep:
    """Median fill, standardising and one-hot coding of frequent levels."""

    def __init__(self, numeric, categorical, min_count=8):
        self.numeric = numeric
        self.categorical = categorical
        self.min_count = min_count

    def fit(self, frame):
        self.medians_ = frame[self.numeric].median()
        filled = frame[self.numeric].fillna(self.medians_)
        self.means_ = filled.mean()
        self.stds_ = filled.std().replace(0, 1.0)
        self.levels_ = {}
        for col in self.categorical:
            counts = frame[col].value_counts()
            self.levels_[col] = counts[counts >= self.min_count].index.tolist()
        return self

    def transform(self, frame):
        num = (frame[self.numeric].fillna(self.medians_) - self.means_) / self.stds_
        parts = [num]
        for col, levels in self.levels_.items():
            dummies = pd.DataFrame({f"{col}={lv}": (frame[col] == lv).astype(float) for lv in levels},
                                   index=frame.index)
            parts.append(dummies)
        return pd.concat(parts, axis=1)


intake = pd.read_csv("typewriter_intake.csv", parse_dates=["received_on"])
jobs = pd.read_csv("workshop_jobs.csv")[["job_id", "bench_hours"]]
df = intake.merge(jobs, on="job_id", how="inner")
df = df[(df["bench_hours"] > 0.25) & (df["bench_hours"] < 80)].copy()
df["machine_age"] = df["received_on"].dt.year - df["year_made"]
df["keys_missing_share"] = df["keys_missing"] / df["key_count"]
df["portable"] = df["body_style"].isin(["portable", "ultraportable"]).astype(int)

NUMERIC = ["machine_age", "carriage_width_cm", "rust_score", "keys_missing", "keys_missing_share",
           "platen_shore_a", "segment_seized", "drawband_broken", "escapement_faults", "portable"]
CATEGORICAL = ["brand", "body_material", "ribbon_system"]

prep = IntakePrep(NUMERIC, CATEGORICAL).fit(df)
features = prep.transform(df)
y = np.log1p(df["bench_hours"])

X_train, X_test, y_train, y_test = train_test_split(features, y, test_size=0.2, random_state=4)

model = XGBRegressor(
    n_estimators=500, learning_rate=0.04, max_depth=4, subsample=0.85,
    colsample_bytree=0.8, min_child_weight=3, reg_lambda=2.0, random_state=4,
)
model.fit(X_train, y_train)

hours_pred = np.expm1(model.predict(X_test))
hours_true = np.expm1(y_test)
print(f"jobs: train {len(X_train)}, test {len(X_test)}")
print(f"test MAE: {mean_absolute_error(hours_true, hours_pred):.2f} h")
print(f"test median abs error: {median_absolute_error(hours_true, hours_pred):.2f} h")
