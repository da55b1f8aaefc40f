# label: leakage/none
# twin: sel_v17b_border_truck_crossing_wait__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

PARAMS = {
    "objective": "regression_l1",
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": 3,
    "verbose": -1,
}
CAT_COLS = ["crossing_id", "direction"]
FEATURES = [
    "crossing_id", "direction", "hour", "minute_of_day", "dow", "is_holiday_week",
    "open_booths", "fast_lane_open", "precip_mm", "temp_c", "customs_staff_on_shift",
    "pre_registered_manifests", "arrivals_prev_15min",
]
TEST_START = pd.Timestamp("2024-10-01")
VALID_START = pd.Timestamp("2024-08-15")


def load_queue_log(path):
    df = pd.read_parquet(path)
    df["ts"] = pd.to_datetime(df["ts"])
    df = df.sort_values("ts").reset_index(drop=True)
    df = df[df["wait_minutes"].between(0, 600)]
    df["hour"] = df["ts"].dt.hour
    df["minute_of_day"] = df["hour"] * 60 + df["ts"].dt.minute
    df["dow"] = df["ts"].dt.dayofweek
    df["is_holiday_week"] = df["public_holiday_week"].astype(int)
    for c in CAT_COLS:
        df[c] = df[c].astype("category")
    return df


queue = load_queue_log("data/freight_lane_queue_2023_24.parquet")
train = queue[queue["ts"] < TEST_START]
test = queue[queue["ts"] >= TEST_START]
print(f"train rows {len(train):,}  test rows {len(test):,}")

fit_part = train[train["ts"] < VALID_START]
valid_part = train[train["ts"] >= VALID_START]
dtrain = lgb.Dataset(fit_part[FEATURES], fit_part["wait_minutes"], categorical_feature=CAT_COLS)
dvalid = lgb.Dataset(valid_part[FEATURES], valid_part["wait_minutes"], reference=dtrain)

probe = lgb.train(
    PARAMS,
    dtrain,
    num_boost_round=3000,
    valid_sets=[dvalid],
    valid_names=["valid"],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)
print("rounds used:", probe.best_iteration)

dfull = lgb.Dataset(train[FEATURES], train["wait_minutes"], categorical_feature=CAT_COLS)
booster = lgb.train(PARAMS, dfull, num_boost_round=probe.best_iteration)

pred = np.clip(booster.predict(test[FEATURES]), 0, None)
mae = mean_absolute_error(test["wait_minutes"], pred)
naive = mean_absolute_error(test["wait_minutes"], np.full(len(test), train["wait_minutes"].median()))
print(f"test MAE: {mae:.2f} min  (median baseline {naive:.2f} min)")

by_crossing = (
    test.assign(abs_err=np.abs(test["wait_minutes"] - pred))
    .groupby("crossing_id", observed=True)["abs_err"]
    .mean()
    .sort_values(ascending=False)
)
print(by_crossing.round(2).to_string())

imp = pd.Series(booster.feature_importance("gain"), index=FEATURES).sort_values(ascending=False)
print(imp.head(8).round(0).to_string())
booster.save_model("truck_wait_lgbm.txt")
