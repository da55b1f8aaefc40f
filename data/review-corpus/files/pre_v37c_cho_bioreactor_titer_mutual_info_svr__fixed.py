# label: leakage/none
"""Early titer prediction for the CHO fed-batch process development runs.

One row per 2 L / ambr250 bioreactor run. Inputs are the day 0-7 daily
off-line samples (VCD, viability, metabolites, osmolality) plus set-points;
the response is harvest titer (g/L) on day 14 from the Protein A HPLC assay.
"""
from functools import partial

import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectKBest, mutual_info_regression
from sklearn.model_selection import KFold, cross_val_predict, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVR

DAILY_VARS = ["vcd", "viability", "glucose", "lactate", "glutamine", "ammonium", "osmolality", "pco2"]
SETPOINTS = ["ph_setpoint", "do_setpoint", "temp_shift_day", "temp_after_shift", "feed_pct_per_day", "seed_density"]


def wide_daily_table(samples):
    early = samples[samples["culture_day"].between(0, 7)]
    wide = early.pivot_table(index="run_id", columns="culture_day", values=DAILY_VARS)
    wide.columns = [f"{var}_d{day}" for var, day in wide.columns]
    # integral of viable cell density up to day 7 (trapezoid, 1-day spacing)
    vcd = early.pivot_table(index="run_id", columns="culture_day", values="vcd").sort_index(axis=1)
    wide["ivcd_d7"] = np.trapz(vcd.to_numpy(), dx=1.0, axis=1)
    wide["lactate_slope_d3_d7"] = (wide["lactate_d7"] - wide["lactate_d3"]) / 4
    return wide


def load():
    runs = pd.read_csv("pd_data/run_summary.csv").set_index("run_id")
    samples = pd.read_csv("pd_data/offline_samples.csv")
    X = wide_daily_table(samples).join(runs[SETPOINTS], how="inner")
    X = X.dropna()
    y = runs.loc[X.index, "harvest_titer_g_l"]
    keep = runs.loc[X.index, "run_status"] == "completed"
    return X[keep], y[keep]


X, y = load()
print(f"{len(X)} runs, {X.shape[1]} candidate inputs, titer {y.min():.2f}-{y.max():.2f} g/L")

mi = partial(mutual_info_regression, random_state=0)
selector = SelectKBest(mi, k=20)

model = make_pipeline(selector, StandardScaler(), SVR(kernel="rbf", C=10.0, epsilon=0.05, gamma="scale"))
cv = KFold(n_splits=5, shuffle=True, random_state=0)

scores = cross_validate(
    model, X, y, cv=cv,
    scoring={"r2": "r2", "rmse": "neg_root_mean_squared_error", "mae": "neg_mean_absolute_error"},
)
print(f"R2   {scores['test_r2'].mean():.3f} ± {scores['test_r2'].std():.3f}")
print(f"RMSE {-scores['test_rmse'].mean():.3f} g/L")
print(f"MAE  {-scores['test_mae'].mean():.3f} g/L")

pred = cross_val_predict(model, X, y, cv=cv)
resid = pd.DataFrame({"titer": y, "pred": pred, "resid": y - pred})
print(resid.sort_values("resid").head(5).round(3))
print(resid.sort_values("resid").tail(5).round(3))

within_10pct = np.mean(np.abs(resid["resid"]) / resid["titer"] <= 0.10)
print(f"runs predicted within 10% of harvest titer: {within_10pct:.0%}")

model.fit(X, y)
selected = X.columns[model.named_steps["selectkbest"].get_support()]
print("inputs kept:", ", ".join(selected))
