# label: leakage/preprocessing
# twin: pre_r17b_olive_mill_acidity_clipper__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Predict free acidity (% oleic) of the oil from mill-intake measurements."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.linear_model import RidgeCV
from sklearn.preprocessing import StandardScaler
from sklearn.pipeline import make_pipeline
from sklearn.metrics import mean_absolute_error, mean_squared_error

INTAKE = "mill/intake_2020_2023.csv"
LAB = "mill/lab_results.csv"

NUMERIC = [
    "fruit_moisture_pct", "fruit_oil_pct_dry", "ripeness_index", "hours_since_harvest",
    "leaf_fraction_pct", "malaxation_temp_c", "malaxation_min", "water_added_l_per_t",
    "ambient_temp_c", "bruised_fruit_pct",
]


class BoundsClipper:
    """Winsorise each column to [q_low, q_high] percentiles."""

    def __init__(self, q_low=1.0, q_high=99.0):
        self.q_low = q_low
        self.q_high = q_high
        self.bounds_ = {}

    def fit(self, frame, cols):
        for c in cols:
            values = frame[c].dropna().to_numpy()
            self.bounds_[c] = (np.percentile(values, self.q_low), np.percentile(values, self.q_high))
        return self

    def transform(self, frame):
        frame = frame.copy()
        for c, (lo, hi) in self.bounds_.items():
            frame[c] = frame[c].clip(lo, hi)
        return frame


def add_features(frame):
    frame = frame.copy()
    frame["log_hours_since_harvest"] = np.log1p(frame["hours_since_harvest"])
    frame["malax_energy"] = frame["malaxation_temp_c"] * frame["malaxation_min"]
    frame["cultivar"] = frame["cultivar"].str.strip().str.lower()
    return frame


intake = pd.read_csv(INTAKE, parse_dates=["delivered_at"])
lab = pd.read_csv(LAB)
df = intake.merge(lab[["batch_id", "free_acidity"]], on="batch_id", how="inner")
df = df.dropna(subset=["free_acidity"] + NUMERIC)
df = add_features(df)

clipper = BoundsClipper(1.0, 99.0).fit(df, NUMERIC)
df = clipper.transform(df)

dummies = pd.get_dummies(df["cultivar"], prefix="cv", dtype=float)
features = NUMERIC + ["log_hours_since_harvest", "malax_energy"]
X = pd.concat([df[features], dummies], axis=1)
y = df["free_acidity"]

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=5)

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25)))
model.fit(X_tr, y_tr)
pred = model.predict(X_te)

print("alpha chosen (inner CV):", model[-1].alpha_)
print(f"MAE : {mean_absolute_error(y_te, pred):.3f}")
print(f"RMSE: {mean_squared_error(y_te, pred) ** 0.5:.3f}")
print(f"share of test batches above 0.8% predicted right: "
      f"{np.mean((pred > 0.8) == (y_te.values > 0.8)):.3f}")

coef = pd.Series(model[-1].coef_, index=X.columns).sort_values()
coef.plot.barh(figsize=(6, 7), title="standardised ridge coefficients")
plt.tight_layout()
plt.savefig("olive_ridge_coef.png")

plt.figure()
plt.scatter(y_te, pred, s=8, alpha=0.5)
plt.plot([y_te.min(), y_te.max()], [y_te.min(), y_te.max()], "r--")
plt.xlabel("lab free acidity")
plt.ylabel("predicted")
plt.savefig("olive_pred_vs_lab.png")
