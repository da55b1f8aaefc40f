# label: leakage/none
"""Finish probability for entrants of a long-distance vintage car rally,
from entry forms and scrutineering sheets of past editions."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import log_loss, roc_auc_score

EDITIONS = [2015, 2016, 2017, 2018, 2019, 2022, 2023, 2024]
TEST_EDITION = 2024

PARAMS = {
    "objective": "binary:logistic",
    "eval_metric": "logloss",
    "eta": 0.05,
    "max_depth": 4,
    "subsample": 0.9,
    "colsample_bytree": 0.8,
    "min_child_weight": 2,
    "seed": 17,
}


def read_edition(year):
    entries = pd.read_csv(f"data/{year}/entry_list.csv")
    scrut = pd.read_csv(f"data/{year}/scrutineering.csv")
    results = pd.read_csv(f"data/{year}/final_results.csv")
    df = entries.merge(scrut, on="car_no", how="left")
    df = df.merge(results[["car_no", "classification"]], on="car_no", how="left")
    df["edition"] = year
    return df


def prepare(df):
    df = df.copy()
    df["finished"] = (df["classification"] == "FIN").astype(int)
    df["car_age"] = df["edition"] - df["build_year"]
    df["power_to_weight"] = df["bhp"] / df["kerb_weight_kg"]
    df["crew_experience"] = df["driver_prev_rallies"] + df["navigator_prev_rallies"]
    df["drive_layout"] = df["drive_layout"].map({"RWD": 0, "FWD": 1, "4WD": 2})
    df["spares_listed"] = df["spares_manifest"].fillna("").str.count(";") + 1
    return df


frame = prepare(pd.concat([read_edition(y) for y in EDITIONS], ignore_index=True))

id_cols = ["car_no", "edition", "finished", "build_year"]
feature_cols = [c for c in frame.select_dtypes(include="number").columns if c not in id_cols]
print(f"{len(frame)} entries, {len(feature_cols)} features")

train = frame[frame["edition"] < TEST_EDITION]
test = frame[frame["edition"] == TEST_EDITION]

dtrain = xgb.DMatrix(train[feature_cols], label=train["finished"], missing=np.nan)
dtest = xgb.DMatrix(test[feature_cols], label=test["finished"], missing=np.nan)

cv = xgb.cv(PARAMS, dtrain, num_boost_round=1500, nfold=5, stratified=True,
            early_stopping_rounds=50, seed=17)
n_rounds = len(cv)
print(f"rounds from cv: {n_rounds}  cv logloss {cv['test-logloss-mean'].iloc[-1]:.4f}")

booster = xgb.train(PARAMS, dtrain, num_boost_round=n_rounds)
p = booster.predict(dtest)
print(f"{TEST_EDITION} AUC {roc_auc_score(test['finished'], p):.4f}  "
      f"logloss {log_loss(test['finished'], p):.4f}")

gain = pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(12).round(2))

summary = test.assign(p=p).groupby("class_category").agg(
    entrants=("car_no", "count"), finishers=("finished", "sum"), expected=("p", "sum")
)
print(summary.round(1))
