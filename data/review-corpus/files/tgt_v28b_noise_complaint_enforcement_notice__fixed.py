# label: leakage/none
# Environmental health: triage incoming noise complaints. Score each new case at triage
# for the chance it ends in an abatement notice, so officers can open a full file early.
import numpy as np
import pandas as pd
from xgboost import XGBClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

cases = pd.read_csv("ehs/noise_cases.csv", parse_dates=["received_ts", "triage_ts"])
actions = pd.read_csv("ehs/noise_case_actions.csv", parse_dates=["action_ts"])

cases = cases.sort_values("received_ts").reset_index(drop=True)
cases["notice_served"] = cases["outcome"].eq("abatement_notice").astype(int)

# address history: earlier complaints about the same premises
cases["prior_cases_at_address"] = cases.groupby("address_uprn").cumcount()
cases["days_since_prev_case"] = (
    cases.groupby("address_uprn")["received_ts"].diff().dt.days.fillna(9999)
)
cases["hour"] = cases["received_ts"].dt.hour
cases["weekday"] = cases["received_ts"].dt.weekday
cases["night"] = cases["hour"].isin([23, 0, 1, 2, 3, 4, 5, 6]).astype(int)

# officer activity on each case from the case management system
actions = actions.merge(cases[["case_id", "triage_ts"]], on="case_id", how="inner")
actions = actions[actions["action_ts"] < actions["triage_ts"]]
act = (
    actions.assign(
        is_visit=actions["action_type"].eq("site_visit"),
        is_monitoring=actions["action_type"].isin(["noise_app_recording", "meter_install"]),
        is_letter=actions["action_type"].str.startswith("letter_"),
    )
    .groupby("case_id")
    .agg(n_actions=("action_type", "size"), n_visits=("is_visit", "sum"),
         n_monitoring=("is_monitoring", "sum"), n_letters=("is_letter", "sum"))
    .reset_index()
)
cases = cases.merge(act, on="case_id", how="left")
cases[["n_actions", "n_visits", "n_monitoring", "n_letters"]] = (
    cases[["n_actions", "n_visits", "n_monitoring", "n_letters"]].fillna(0)
)

features = [
    "source_type", "ward", "channel", "premises_type", "n_complainants",
    "prior_cases_at_address", "days_since_prev_case", "hour", "weekday", "night",
    "n_actions", "n_visits", "n_monitoring", "n_letters",
]

split_ts = pd.Timestamp("2024-01-01")
train = cases[cases["received_ts"] < split_ts].copy()
test = cases[cases["received_ts"] >= split_ts].copy()
for c in ["source_type", "ward", "channel", "premises_type"]:
    train[c] = train[c].astype("category")
    test[c] = pd.Categorical(test[c], categories=train[c].cat.categories)

model = XGBClassifier(
    n_estimators=500, learning_rate=0.05, max_depth=5, subsample=0.8,
    colsample_bytree=0.8, enable_categorical=True, tree_method="hist",
    eval_metric="aucpr", random_state=0,
)
model.fit(train[features], train["notice_served"])

p = model.predict_proba(test[features])[:, 1]
print(f"2024 cases: {len(test)}, notices: {test['notice_served'].sum()}")
print(f"ROC AUC {roc_auc_score(test['notice_served'], p):.3f} | AP {average_precision_score(test['notice_served'], p):.3f}")

top = test.assign(score=p).nlargest(int(0.1 * len(test)), "score")
print(f"notices captured in top 10% of scores: {top['notice_served'].sum() / test['notice_served'].sum():.1%}")
imp = pd.Series(model.feature_importances_, index=features).sort_values(ascending=False)
print(imp.round(3).to_string())
