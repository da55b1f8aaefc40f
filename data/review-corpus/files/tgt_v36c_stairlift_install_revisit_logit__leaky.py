# label: leakage/target
# Which stairlift installations need an engineer back within 30 days?
# Install records from the fitting team plus the engineer visit ledger.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

installs = pd.read_csv("data/stairlift_installs.csv", parse_dates=["install_date"])
ledger = pd.read_csv("data/engineer_visits.csv", parse_dates=["visit_date"])

# keep installs with a full 30 days of follow-up in the ledger
installs = installs[installs["install_date"] <= ledger["visit_date"].max() - pd.Timedelta(days=30)]

revisits = ledger[ledger["visit_type"] == "revisit"].merge(
    installs[["install_id", "install_date"]], on="install_id"
)
revisits["days_after"] = (revisits["visit_date"] - revisits["install_date"]).dt.days
revisit_ids = revisits.loc[revisits["days_after"].between(1, 30), "install_id"].unique()
installs["revisit_30d"] = installs["install_id"].isin(revisit_ids).astype(int)

visit_costs = ledger.groupby("install_id").agg(
    engineer_hours=("engineer_hours", "sum"),
    parts_cost=("parts_cost", "sum"),
).reset_index()
df = installs.merge(visit_costs, on="install_id", how="left")
df[["engineer_hours", "parts_cost"]] = df[["engineer_hours", "parts_cost"]].fillna(0)

df["log_parts_cost"] = np.log1p(df["parts_cost"])
df["heavy_user"] = (df["user_weight_kg"] >= 110).astype(int)
df["old_property"] = (df["property_age_yrs"] >= 80).astype(int)
df = df.dropna(subset=["rail_length_m", "installer_experience_yrs", "user_age"])

print(f"{len(df)} installs, 30-day revisit rate {df['revisit_30d'].mean():.3f}")

train, test = train_test_split(df, test_size=0.25, stratify=df["revisit_30d"], random_state=5)

formula = (
    "revisit_30d ~ C(staircase_type) + num_landings + rail_length_m + bends"
    " + heavy_user + user_age + installer_experience_yrs + old_property"
    " + C(seat_model) + power_point_within_2m + engineer_hours + log_parts_cost"
)
fit = smf.logit(formula, data=train).fit(maxiter=200, disp=False)
print(fit.summary())

p_test = fit.predict(test)
print(f"Test ROC AUC: {roc_auc_score(test['revisit_30d'], p_test):.3f}")
print(f"Test Brier:   {brier_score_loss(test['revisit_30d'], p_test):.4f}")

odds = np.exp(fit.params).rename("odds_ratio").to_frame()
odds["p_value"] = fit.pvalues
print(odds.sort_values("p_value").head(10).round(3))

test = test.assign(risk=p_test)
test["risk_decile"] = pd.qcut(test["risk"], 10, labels=False, duplicates="drop")
print(test.groupby("risk_decile")[["risk", "revisit_30d"]].mean().round(3))
