# label: leakage/none
"""Estimate the chance that a station ticket machine logs a fault in the following week."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

usage = pd.read_csv("tvm_weekly_usage.csv", parse_dates=["week_start"])
assets = pd.read_csv("tvm_assets.csv", parse_dates=["installed_on"])
faults = pd.read_csv("tvm_fault_log.csv", parse_dates=["logged_at"])

faults["week_start"] = faults["logged_at"].dt.to_period("W-SUN").dt.start_time
weekly_faults = (faults.groupby(["machine_id", "week_start"]).size()
                       .rename("n_faults").reset_index())

df = (usage.merge(assets, on="machine_id", how="left")
           .merge(weekly_faults, on=["machine_id", "week_start"], how="left"))
df["n_faults"] = df["n_faults"].fillna(0)
df = df.sort_values(["machine_id", "week_start"])

g = df.groupby("machine_id")
df["fault_next_week"] = (g["n_faults"].shift(-1) > 0).astype(float)
df.loc[g["week_start"].shift(-1).isna(), "fault_next_week"] = np.nan
df["faults_last4"] = g["n_faults"].transform(lambda s: s.rolling(4, min_periods=1).sum())
df["age_years"] = (df["week_start"] - df["installed_on"]).dt.days / 365.25
df["log_tx"] = np.log1p(df["transactions"])
df["cash_share"] = df["cash_tx"] / df["transactions"].clip(lower=1)
df = df.dropna(subset=["fault_next_week", "age_years"])

cutoff = pd.Timestamp("2024-01-01")
train = df[df["week_start"] < cutoff - pd.Timedelta(weeks=1)].copy()
test = df[df["week_start"] >= cutoff].copy()

formula = ("fault_next_week ~ log_tx + cash_share + faults_last4 + age_years"
           " + coin_jams + note_rejects + C(model) + C(outdoor)")

model = smf.logit(formula, data=train).fit(disp=False)
print(model.summary().tables[1])

test["p_fault"] = model.predict(test)
auc = roc_auc_score(test["fault_next_week"], test["p_fault"])
brier = brier_score_loss(test["fault_next_week"], test["p_fault"])
print(f"2024 weeks: n={len(test)}  AUC={auc:.3f}  Brier={brier:.4f}")

top = (test.groupby("station")["p_fault"].mean()
           .sort_values(ascending=False).head(10))
print("Stations with highest expected fault rate:")
print(top.round(3).to_string())
