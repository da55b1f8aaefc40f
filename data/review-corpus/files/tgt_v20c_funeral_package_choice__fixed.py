# label: leakage/none
"""Arrangement-conference package model.

Predicts whether a family will choose the full-service package (viewing,
chapel service, procession) at the first arrangement meeting, so the
branch can prepare the chapel calendar and staff rota.
"""
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import roc_auc_score, log_loss

CASES = "crm/arrangement_cases.csv"
CUTOFF = "2023-07-01"
TARGET = "full_service"

BASE_FEATURES = [
    "deceased_age", "days_since_death", "place_of_death_hospital", "prepaid_plan",
    "informant_is_spouse", "family_size_est", "religious_rite", "distance_to_branch_km",
    "referral_from_hospice", "weekday_of_meeting", "branch_chapel_capacity",
]


def load_cases(path):
    df = pd.read_csv(path, parse_dates=["meeting_date", "date_of_death"])
    df = df.sort_values("meeting_date").reset_index(drop=True)
    df["days_since_death"] = (df["meeting_date"] - df["date_of_death"]).dt.days
    df["weekday_of_meeting"] = df["meeting_date"].dt.weekday
    df["religious_rite"] = df["religious_rite"].astype("category")
    df[TARGET] = (df["package_code"] == "FS").astype(int)
    return df


def add_history_features(df):
    out = df.copy()
    out["director_fs_rate"] = out.groupby("director_id")[TARGET].transform(
        lambda s: s.shift(1).expanding().mean())
    out["branch_fs_rate"] = out.groupby("branch_id")[TARGET].transform(
        lambda s: s.shift(1).expanding().mean())
    out["director_cases"] = out.groupby("director_id").cumcount()
    return out


cases = add_history_features(load_cases(CASES))
FEATURES = BASE_FEATURES + ["director_fs_rate", "branch_fs_rate", "director_cases"]

train = cases[cases["meeting_date"] < CUTOFF]
test = cases[cases["meeting_date"] >= CUTOFF]
print(f"train {len(train)} cases up to {CUTOFF}, test {len(test)} after")

clf = lgb.LGBMClassifier(
    n_estimators=700,
    learning_rate=0.02,
    num_leaves=20,
    min_child_samples=40,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=2.0,
    random_state=0,
    verbose=-1,
)
clf.fit(train[FEATURES], train[TARGET])

p = clf.predict_proba(test[FEATURES])[:, 1]
print(f"AUC {roc_auc_score(test[TARGET], p):.3f}   logloss {log_loss(test[TARGET], p):.3f}")

monthly = test.assign(p=p).groupby(test["meeting_date"].dt.to_period("M"))[["p", TARGET]].mean()
print(monthly.round(3))

imp = pd.Series(clf.booster_.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(imp.head(10).round(0))
