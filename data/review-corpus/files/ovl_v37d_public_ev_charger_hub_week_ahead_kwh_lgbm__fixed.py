# label: leakage/none
"""Week-ahead energy forecast for council-run public EV charging hubs.

Target: total kWh dispensed by a hub over the next 7 days, issued each evening.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error

SESSIONS = "data/charger_sessions_daily.csv"
HORIZON = 7
TEST_START = pd.Timestamp("2024-04-01")


def load_daily(path):
    daily = pd.read_csv(path, parse_dates=["date"])
    daily = (
        daily.groupby(["hub_id", "date"], as_index=False)
        .agg(kwh=("kwh", "sum"), sessions=("session_id", "count"), min_temp_c=("min_temp_c", "first"))
        .sort_values(["hub_id", "date"])
    )
    full_index = pd.MultiIndex.from_product(
        [daily["hub_id"].unique(), pd.date_range(daily["date"].min(), daily["date"].max())],
        names=["hub_id", "date"],
    )
    daily = daily.set_index(["hub_id", "date"]).reindex(full_index).reset_index()
    daily[["kwh", "sessions"]] = daily[["kwh", "sessions"]].fillna(0)
    daily["min_temp_c"] = daily.groupby("hub_id")["min_temp_c"].ffill()
    return daily


def add_features(daily):
    g = daily.groupby("hub_id")["kwh"]
    daily["kwh_today"] = daily["kwh"]
    for lag in (1, 6, 13, 27):
        daily[f"kwh_lag{lag}"] = g.shift(lag)
    daily["kwh_7d_sum"] = g.transform(lambda s: s.rolling(7).sum())
    daily["kwh_28d_mean"] = g.transform(lambda s: s.rolling(28).mean())
    daily["sessions_7d_sum"] = daily.groupby("hub_id")["sessions"].transform(lambda s: s.rolling(7).sum())
    daily["dow"] = daily["date"].dt.dayofweek
    daily["month"] = daily["date"].dt.month
    daily["hub_id"] = daily["hub_id"].astype("category")

    nxt = sum(g.shift(-k) for k in range(1, HORIZON + 1))
    daily["kwh_next7"] = nxt
    return daily


daily = add_features(load_daily(SESSIONS))
feature_cols = [c for c in daily.columns if c.startswith(("kwh_today", "kwh_lag", "kwh_7d", "kwh_28d", "sessions_7d"))]
feature_cols += ["min_temp_c", "dow", "month", "hub_id"]
model_df = daily.dropna(subset=feature_cols + ["kwh_next7"])

train = model_df[model_df["date"] < TEST_START - pd.Timedelta(days=HORIZON)]
test = model_df[model_df["date"] >= TEST_START]
print(f"train {train['date'].min():%Y-%m-%d}..{train['date'].max():%Y-%m-%d} ({len(train)} rows)")
print(f"test  {test['date'].min():%Y-%m-%d}..{test['date'].max():%Y-%m-%d} ({len(test)} rows)")

model = lgb.LGBMRegressor(
    objective="regression_l1",
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    random_state=7,
    verbose=-1,
)
model.fit(train[feature_cols], train["kwh_next7"], categorical_feature=["hub_id"])

pred = model.predict(test[feature_cols])
naive = test["kwh_7d_sum"].to_numpy()
mae = mean_absolute_error(test["kwh_next7"], pred)
mae_naive = mean_absolute_error(test["kwh_next7"], naive)
wape = np.abs(test["kwh_next7"] - pred).sum() / test["kwh_next7"].sum()
print(f"MAE {mae:.1f} kWh (naive last-7-days {mae_naive:.1f}), WAPE {wape:.1%}")

by_hub = (
    test.assign(abs_err=np.abs(test["kwh_next7"] - pred))
    .groupby("hub_id", observed=True)["abs_err"].mean()
    .sort_values(ascending=False)
)
print(by_hub.head(10).round(1))
