# label: leakage/none
# Lock-keeper rota planning: forecast boat passages through each lock 14 days ahead.
# Counts come from the navigation authority's daily lock logs.
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

HORIZON = 14
CUTOFF = pd.Timestamp("2023-06-01")

logs = pd.read_parquet("data/waterways/lock_daily_passages.parquet")
locks = pd.read_csv("data/waterways/lock_register.csv")
bank_hols = pd.read_csv("data/waterways/bank_holidays.csv", parse_dates=["date"])["date"]

logs["date"] = pd.to_datetime(logs["date"])
logs = logs.sort_values(["lock_id", "date"]).reset_index(drop=True)
df = logs.merge(locks[["lock_id", "chamber_length_m", "rise_m", "is_flight", "marina_berths_5km"]],
                on="lock_id", how="left")

g = df.groupby("lock_id")["passages"]
for lag in (0, 1, 2, 7, 14, 21, 28, 364):
    df[f"lag_{lag}"] = g.shift(lag)
df["roll7_mean"] = g.transform(lambda s: s.rolling(7, min_periods=5).mean())
df["roll28_mean"] = g.transform(lambda s: s.rolling(28, min_periods=20).mean())
df["roll28_max"] = g.transform(lambda s: s.rolling(28, min_periods=20).max())

# what we want to predict: passages on the day HORIZON days later
df["target_date"] = df["date"] + pd.Timedelta(days=HORIZON)
df["y"] = g.shift(-HORIZON)
df["target_dow"] = df["target_date"].dt.dayofweek
df["target_doy"] = df["target_date"].dt.dayofyear
df["target_bank_hol"] = df["target_date"].isin(bank_hols).astype(int)
df["target_month"] = df["target_date"].dt.month

features = [
    "lag_0", "lag_1", "lag_2", "lag_7", "lag_14", "lag_21", "lag_28", "lag_364",
    "roll7_mean", "roll28_mean", "roll28_max",
    "target_dow", "target_doy", "target_bank_hol", "target_month",
    "chamber_length_m", "rise_m", "is_flight", "marina_berths_5km",
]
df = df.dropna(subset=["y", "lag_28", "roll28_mean"])

train = df[df["target_date"] < CUTOFF]
test = df[df["date"] >= CUTOFF]
print(f"train rows {len(train):,} up to {train['date'].max().date()}, test rows {len(test):,}")

model = HistGradientBoostingRegressor(
    loss="poisson",
    learning_rate=0.05,
    max_iter=600,
    max_leaf_nodes=31,
    l2_regularization=1.0,
    random_state=3,
)
model.fit(train[features], train["y"])

pred = model.predict(test[features])
print(f"MAE: {mean_absolute_error(test['y'], pred):.2f} boats/day")
print(f"Poisson deviance: {mean_poisson_deviance(test['y'], np.maximum(pred, 1e-6)):.3f}")

seasonal_naive = test["lag_0"].where(test["lag_0"].notna(), test["roll7_mean"])
print(f"naive (today's count) MAE: {mean_absolute_error(test['y'], seasonal_naive):.2f}")

by_lock = (
    test.assign(pred=pred, abs_err=lambda d: (d["y"] - d["pred"]).abs())
    .groupby("lock_id")[["y", "pred", "abs_err"]]
    .mean()
    .sort_values("abs_err", ascending=False)
)
print(by_lock.head(10).round(1))
