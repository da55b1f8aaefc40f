# label: leakage/none
# twin: tgt_v17a_bakery_unsold_loaves_rolling__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
"""Predict, when the morning bake is set, how many loaves each branch will have left unsold at closing."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

SPLIT_DATE = pd.Timestamp("2024-03-01")
KEYS = ["branch_id", "product"]


def prepare(df: pd.DataFrame) -> pd.DataFrame:
    df = df.sort_values(KEYS + ["date"]).copy()
    df["unsold"] = (df["baked"] - df["sold"]).clip(lower=0)
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    df["is_holiday"] = df["is_holiday"].fillna(False).astype(int)
    df["rain_mm_fcst"] = df["rain_mm_fcst"].fillna(0.0)

    grp = df.groupby(KEYS, sort=False)
    df["unsold_lag_1"] = grp["unsold"].shift(1)
    df["unsold_lag_7"] = grp["unsold"].shift(7)
    df["unsold_roll_7"] = grp["unsold"].transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
    df["baked_lag_1"] = grp["baked"].shift(1)
    df["sold_lag_7"] = grp["sold"].shift(7)
    return df.dropna(subset=["unsold_lag_7", "unsold_roll_7", "sold_lag_7"])


raw = pd.read_csv("data/branch_daily_bread.csv", parse_dates=["date"])
raw = raw[raw["baked"] > 0]
data = prepare(raw)

for c in ["branch_id", "product"]:
    data[c] = data[c].astype("category")

FEATURES = ["branch_id", "product", "dow", "month", "is_holiday", "rain_mm_fcst",
            "temp_max_fcst_c", "baked", "unsold_lag_1", "unsold_lag_7", "unsold_roll_7",
            "baked_lag_1", "sold_lag_7"]

train = data[data["date"] < SPLIT_DATE]
test = data[data["date"] >= SPLIT_DATE]
print(f"train {train['date'].min().date()}..{train['date'].max().date()} ({len(train)} rows)")
print(f"test  {test['date'].min().date()}..{test['date'].max().date()} ({len(test)} rows)")

model = lgb.LGBMRegressor(objective="poisson", n_estimators=700, learning_rate=0.03,
                          num_leaves=63, min_child_samples=30, subsample=0.8,
                          subsample_freq=1, colsample_bytree=0.8, verbose=-1)
model.fit(train[FEATURES], train["unsold"])

pred = model.predict(test[FEATURES])
mae = mean_absolute_error(test["unsold"], pred)
naive = mean_absolute_error(test["unsold"], test["unsold_lag_7"])
print(f"test MAE {mae:.2f} loaves/day  (same-day-last-week baseline {naive:.2f})")

by_branch = (test.assign(err=np.abs(test["unsold"] - pred))
                 .groupby("branch_id", observed=True)["err"].mean()
                 .sort_values(ascending=False))
print(by_branch.head(10))
