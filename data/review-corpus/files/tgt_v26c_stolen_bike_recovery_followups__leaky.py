# label: leakage/target
"""Estimate the chance that a bicycle reported stolen is recovered, from the theft report."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

reports = pd.read_csv("bike_theft_reports.csv", parse_dates=["stolen_from", "reported_at"])
registry = pd.read_csv("bike_registry.csv", parse_dates=["registered_on"])
followups = pd.read_csv("case_followups.csv")  # one row per case from the records system

df = reports.merge(registry, on="frame_number", how="left")
df["registered"] = (df["registered_on"] < df["stolen_from"]).astype(int)

case_activity = followups.groupby("case_id").agg(contacts=("contact_id", "count")).reset_index()
df = df.merge(case_activity, on="case_id", how="left")
df["contacts"] = df["contacts"].fillna(0)

df = df[df["case_status"].isin(["recovered", "closed_unrecovered"])].copy()
df["recovered"] = (df["case_status"] == "recovered").astype(int)

df["hours_to_report"] = (df["reported_at"] - df["stolen_from"]).dt.total_seconds() / 3600
df["log_hours_to_report"] = np.log1p(df["hours_to_report"].clip(lower=0))
df["value_missing"] = df["declared_value_eur"].isna().astype(int)
df["log_value"] = np.log1p(df["declared_value_eur"].fillna(0))
df["has_photo"] = df["photo_count"].gt(0).astype(int)
df["night_theft"] = df["stolen_from"].dt.hour.isin(range(0, 6)).astype(int)
df["bike_type"] = df["bike_type"].fillna("other")

train = df[df["reported_at"] < "2023-07-01"].copy()
test = df[(df["reported_at"] >= "2023-07-01") & (df["reported_at"] < "2024-01-01")].copy()

formula = (
    "recovered ~ log_hours_to_report + log_value + value_missing + registered + gps_tag + has_photo"
    " + locked_to_stand + night_theft + np.log1p(contacts) + C(bike_type) + C(district)"
)
logit = smf.logit(formula, data=train).fit(maxiter=200, disp=False)
print(logit.summary2().tables[1][["Coef.", "P>|z|"]].round(3))
odds = np.exp(logit.params[["registered", "gps_tag", "has_photo"]])
print("odds ratios:", odds.round(2).to_dict())

test = test[test["district"].isin(train["district"].unique()) & test["bike_type"].isin(train["bike_type"].unique())]
proba = logit.predict(test)
print(f"recovery rate train {train['recovered'].mean():.3f}, test {test['recovered'].mean():.3f}")
print(f"Test ROC AUC: {roc_auc_score(test['recovered'], proba):.4f}")
print(f"Test Brier:   {brier_score_loss(test['recovered'], proba):.4f}")
