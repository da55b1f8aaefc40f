# label: leakage/none
"""Burn-time model for the container candle line.

Each row is one QC burn test (candle burnt to extinction in the test chamber).
Inputs are recipe / pour parameters; output is burn time in hours.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, r2_score

QC_FILE = "qc/burn_tests.csv"
NUM_COLS = ["wax_g", "fragrance_load_pct", "wick_width_mm", "wick_height_mm",
            "vessel_diameter_mm", "pour_temp_c", "cure_days", "dye_pct", "coconut_share"]
CAT_COLS = ["wax_base", "wick_series"]


def iqr_bounds(frame, cols, k=1.5):
    q1 = frame[cols].quantile(0.25)
    q3 = frame[cols].quantile(0.75)
    spread = q3 - q1
    return q1 - k * spread, q3 + k * spread


def design_matrix(frame, levels):
    X = frame[NUM_COLS].copy()
    for c in CAT_COLS:
        for lvl in levels[c][1:]:
            X[f"{c}={lvl}"] = (frame[c] == lvl).astype(float)
    X["wax_per_mm_wick"] = X["wax_g"] / X["wick_width_mm"]
    return sm.add_constant(X, has_constant="add")


qc = pd.read_csv(QC_FILE)
qc = qc[qc["test_status"] == "complete"].dropna(subset=NUM_COLS + CAT_COLS + ["burn_hours"])
print(qc.shape)

train, test = train_test_split(qc, test_size=0.2, random_state=99)

lo, hi = iqr_bounds(train, NUM_COLS)
train, test = train.copy(), test.copy()
train[NUM_COLS] = train[NUM_COLS].clip(lower=lo, upper=hi, axis=1)
test[NUM_COLS] = test[NUM_COLS].clip(lower=lo, upper=hi, axis=1)

levels = {c: sorted(train[c].unique()) for c in CAT_COLS}
print({c: len(v) for c, v in levels.items()})

X_train = design_matrix(train, levels)
X_test = design_matrix(test, levels)
y_train = np.log(train["burn_hours"])
y_test = test["burn_hours"]

ols = sm.OLS(y_train, X_train).fit(cov_type="HC3")
print(ols.summary().tables[1])

pred_hours = np.exp(ols.predict(X_test)) * np.exp(ols.scale / 2)
print(f"test MAE {mean_absolute_error(y_test, pred_hours):.2f} h")
print(f"test R2  {r2_score(y_test, pred_hours):.3f}")

resid = y_test - pred_hours
worst = test.assign(pred=pred_hours, resid=resid).loc[resid.abs().nlargest(5).index]
print(worst[["test_id", "wax_base", "wick_series", "burn_hours", "pred"]])
