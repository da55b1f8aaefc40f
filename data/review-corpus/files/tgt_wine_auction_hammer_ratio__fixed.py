# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error, r2_score

lots = pd.read_csv("data/wine_auction_lots.csv", parse_dates=["sale_date"])
lots = lots[lots["hammer_price"] > 0].copy()

lots["bottle_age"] = lots["sale_date"].dt.year - lots["vintage"]
lots["estimate_mid"] = (lots["low_estimate"] + lots["high_estimate"]) / 2
lots["estimate_spread"] = (lots["high_estimate"] - lots["low_estimate"]) / lots["estimate_mid"]
lots["volume_l"] = lots["bottle_size_ml"] * lots["bottles_in_lot"] / 1000
lots["log_hammer"] = np.log(lots["hammer_price"])

for c in ["region", "producer", "auction_house", "condition_grade"]:
    lots[c] = lots[c].astype("category")

features = [
    "bottle_age", "estimate_mid", "estimate_spread",
    "volume_l", "bottles_in_lot", "critic_score", "original_wooden_case",
    "region", "producer", "auction_house", "condition_grade",
]

cutoff = lots["sale_date"].quantile(0.8)
train = lots[lots["sale_date"] < cutoff]
test = lots[lots["sale_date"] >= cutoff]

model = lgb.LGBMRegressor(
    n_estimators=1500, learning_rate=0.02, num_leaves=48,
    min_child_samples=30, colsample_bytree=0.8, verbose=-1,
)
model.fit(train[features], train["log_hammer"])

pred = np.exp(model.predict(test[features]))
print(f"lots: train {len(train)}, test {len(test)}")
print(f"MAPE: {mean_absolute_percentage_error(test['hammer_price'], pred):.3f}")
print(f"R2 (log): {r2_score(test['log_hammer'], np.log(pred)):.3f}")
