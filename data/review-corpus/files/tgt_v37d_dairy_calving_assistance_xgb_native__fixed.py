# label: leakage/none
"""Calving-difficulty risk list for the spring block.

Herd records export (one row per calving); `assisted` = calving ease score >= 3
(farm or vet assistance). The list is printed for the calving shed two weeks
before the planned start of calving.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

RECORDS = "herd/calvings_2016_2024.csv"

FEATURES = [
    "parity",
    "heifer",
    "age_at_service_m",
    "bcs_dry_off",
    "dry_off_to_due_d",
    "sire_calving_ease_ebv",
    "sire_beef",
    "sexed_semen",
    "twins_scanned",
    "prev_assisted",
    "prev_gestation_d",
    "weight_at_dry_off_kg",
    "holstein_pct",
]


def load(path):
    df = pd.read_csv(path, parse_dates=["calving_date", "service_date"])
    df["assisted"] = (df["calving_ease"] >= 3).astype(int)
    df["heifer"] = (df["parity"] == 1).astype(int)
    df["sire_beef"] = df["sire_breed"].isin(["AA", "HE", "LM", "BB", "SI"]).astype(int)
    df["sexed_semen"] = df["semen_type"].eq("sexed").astype(int)
    df["season"] = df["calving_date"].dt.year
    df = df.sort_values(["cow_id", "calving_date"])
    df["prev_assisted"] = df.groupby("cow_id")["assisted"].shift(1).fillna(0)
    df["prev_gestation_d"] = df.groupby("cow_id")["gestation_d"].shift(1)
    return df


def to_dmatrix(frame):
    return xgb.DMatrix(frame[FEATURES], label=frame["assisted"], missing=np.nan, feature_names=FEATURES)


calvings = load(RECORDS)
print(calvings.groupby("season")["assisted"].agg(["mean", "size"]).round(3))

train = calvings[calvings["season"] <= 2022]
test = calvings[calvings["season"] >= 2023]

params = {
    "objective": "binary:logistic",
    "eval_metric": ["auc", "logloss"],
    "eta": 0.03,
    "max_depth": 3,
    "min_child_weight": 5,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "scale_pos_weight": (1 - train["assisted"].mean()) / train["assisted"].mean(),
    "seed": 17,
}
dtrain = to_dmatrix(train)
dtest = to_dmatrix(test)
booster = xgb.train(params, dtrain, num_boost_round=400, evals=[(dtrain, "train")], verbose_eval=100)

proba = booster.predict(dtest)
print(f"ROC AUC {roc_auc_score(test['assisted'], proba):.3f}")
print(f"PR AUC  {average_precision_score(test['assisted'], proba):.3f} (base rate {test['assisted'].mean():.3f})")

test = test.assign(risk=proba)
watch = test.nlargest(int(0.15 * len(test)), "risk")
print(f"top 15% list catches {watch['assisted'].sum() / test['assisted'].sum():.1%} of assisted calvings")

gain = booster.get_score(importance_type="gain")
print(pd.Series(gain).sort_values(ascending=False).round(1).head(10))
