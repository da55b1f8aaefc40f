# label: leakage/none
# twin: tgt_sku_expanding_mean_includes_today__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error

daily = pd.read_csv("sku_daily_units.csv", parse_dates=["date"]).sort_values(["sku", "date"])
by_sku = daily.groupby("sku")["units"]
daily["units_lag7"] = by_sku.shift(7)
daily["units_lag14"] = by_sku.shift(14)
daily["sku_mean_to_lag7"] = by_sku.transform(lambda s: s.shift(7).expanding().mean())
daily["dow"] = daily["date"].dt.dayofweek
daily = daily.dropna()

features = ["units_lag7", "units_lag14", "sku_mean_to_lag7", "dow", "price", "on_promo"]
cut = daily["date"].max() - pd.Timedelta(days=28)
train, test = daily[daily["date"] <= cut], daily[daily["date"] > cut]

model = lgb.LGBMRegressor(n_estimators=600, learning_rate=0.03, num_leaves=63, random_state=4, verbose=-1)
model.fit(train[features], train["units"])
print("MAE", mean_absolute_error(test["units"], model.predict(test[features])))
