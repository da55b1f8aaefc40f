# label: leakage/none
"""Daily rescue-risk model for the patrolled beaches.

One row per beach per patrolled day. Label: at least one in-water rescue was
logged that day. Buoy readings (water temperature, wave height, period) have
gaps when a buoy is offline; gaps are filled from training-season medians.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

DAYS = "data/patrol_days_2015_2023.csv"
BUOYS = "data/nearshore_buoys_daily.csv"
TARGET = "rescue_logged"
TEST_FROM = 2022
GAPPY = ["water_temp_c", "wave_height_m", "wave_period_s"]
FILL_KEYS = ["beach", "month"]

FEATURES = GAPPY + [
    "air_temp_max_c", "wind_speed_kmh", "onshore_wind", "uv_index", "rip_flagged_am",
    "tide_range_m", "weekend", "school_holiday", "month", "forecast_visitors_k",
]


def load():
    days = pd.read_csv(DAYS, parse_dates=["date"])
    buoys = pd.read_csv(BUOYS, parse_dates=["date"])
    df = days.merge(buoys, on=["buoy_id", "date"], how="left")
    df["month"] = df["date"].dt.month
    df["weekend"] = (df["date"].dt.weekday >= 5).astype(int)
    df["season"] = df["date"].dt.year
    return df


def fit_fill(train, keys):
    return train.groupby(keys)[GAPPY].median()


def apply_fill(df, table, keys):
    df = df.copy()
    looked_up = df[keys].join(table, on=keys)
    for col in GAPPY:
        df[col] = df[col].fillna(looked_up[col]).fillna(table[col].median())
    return df


df = load()
print(df[GAPPY].isna().mean().round(3))

train = df[df["season"] < TEST_FROM]
test = df[df["season"] >= TEST_FROM]

fill_table = fit_fill(train, FILL_KEYS)
train = apply_fill(train, fill_table, FILL_KEYS)
test = apply_fill(test, fill_table, FILL_KEYS)

pos_weight = (train[TARGET] == 0).sum() / max((train[TARGET] == 1).sum(), 1)
model = xgb.XGBClassifier(
    n_estimators=450, max_depth=4, learning_rate=0.04, subsample=0.8,
    colsample_bytree=0.8, min_child_weight=5, scale_pos_weight=pos_weight,
    eval_metric="aucpr", random_state=17,
)
model.fit(train[FEATURES], train[TARGET])

risk = model.predict_proba(test[FEATURES])[:, 1]
print(f"seasons {TEST_FROM}+  ROC-AUC {roc_auc_score(test[TARGET], risk):.4f}")
print(f"seasons {TEST_FROM}+  PR-AUC  {average_precision_score(test[TARGET], risk):.4f}")

test = test.assign(risk=risk)
top = test.sort_values("risk", ascending=False).head(int(0.1 * len(test)))
print(f"rescue days captured in top decile: {top[TARGET].sum() / test[TARGET].sum():.1%}")
print(test.groupby("beach").agg(days=("risk", "size"), rate=(TARGET, "mean"), mean_risk=("risk", "mean")).round(3))
