# label: leakage/none
# twin: tgt_store_sales__leaky.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import pandas as pd
import lightgbm as lgb
from sklearn.metrics import mean_absolute_error

daily = pd.read_parquet("retail/store_daily_sales.parquet")
daily["date"] = pd.to_datetime(daily["date"])
daily = daily.sort_values(["store_id", "date"]).reset_index(drop=True)

by_store = daily.groupby("store_id")["sales"]
daily["lag_1"] = by_store.shift(1)
daily["lag_7"] = by_store.shift(7)
daily["rolling_mean_7"] = by_store.transform(lambda s: s.shift(1).rolling(7, min_periods=3).mean())
daily["rolling_std_28"] = by_store.transform(lambda s: s.shift(1).rolling(28, min_periods=7).std())
daily["dow"] = daily["date"].dt.dayofweek
daily["week_of_year"] = daily["date"].dt.isocalendar().week.astype(int)
daily["store_id"] = daily["store_id"].astype("category")

features = ["store_id", "dow", "week_of_year", "promo", "is_holiday",
            "lag_1", "lag_7", "rolling_mean_7", "rolling_std_28"]
daily = daily.dropna(subset=["lag_7", "rolling_std_28"])

cutoff = daily["date"].max() - pd.Timedelta(days=56)
train = daily[daily["date"] <= cutoff]
test = daily[daily["date"] > cutoff]

model = lgb.LGBMRegressor(
    objective="tweedie", n_estimators=1500, learning_rate=0.03,
    num_leaves=31, min_child_samples=50, colsample_bytree=0.8, verbose=-1,
)
model.fit(train[features], train["sales"], categorical_feature=["store_id"])

pred = model.predict(test[features])
mae = mean_absolute_error(test["sales"], pred)
wape = (test["sales"] - pred).abs().sum() / test["sales"].sum()
print(f"holdout MAE: {mae:.1f}  WAPE: {wape:.3%}")
