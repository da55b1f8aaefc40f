# label: leakage/none
# Used-vehicle aging: predict days on lot at the moment a car is listed, so the
# buyers can see which trade-ins are likely to go stale before they bid at auction.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error

inv = pd.read_parquet("dms/used_inventory.parquet")          # one row per stock number
book = pd.read_parquet("pricing/book_values.parquet")        # stock_no, book_value_at_listing

inv = inv[inv["status"] == "SOLD"].copy()
inv["listed_at"] = pd.to_datetime(inv["listed_at"])
inv["sold_at"] = pd.to_datetime(inv["sold_at"])
inv["days_on_lot"] = (inv["sold_at"] - inv["listed_at"]).dt.days.clip(lower=0)
inv = inv.merge(book, on="stock_no", how="left")

inv["vehicle_age"] = inv["listed_at"].dt.year - inv["model_year"]
inv["miles_per_year"] = inv["odometer"] / inv["vehicle_age"].clip(lower=1)
inv["price_to_book"] = inv["initial_list_price"] / inv["book_value_at_listing"]
inv["listed_month"] = inv["listed_at"].dt.month
inv["acquired_trade_in"] = (inv["acquisition_source"] == "trade").astype(int)

CATS = ["make", "body_style", "drivetrain", "fuel", "exterior_colour", "lot_location"]
for c in CATS:
    inv[c] = inv[c].astype("category")

features = CATS + [
    "vehicle_age", "odometer", "miles_per_year", "initial_list_price", "price_to_book",
    "recon_cost", "photo_count", "certified", "one_owner", "accident_reported",
    "listed_month", "acquired_trade_in",
]

inv = inv.sort_values("listed_at")
train = inv[inv["sold_at"] < "2024-01-01"]
test = inv[(inv["listed_at"] >= "2024-01-01") & (inv["listed_at"] < "2024-07-01")]

dtrain = xgb.DMatrix(train[features], label=np.log1p(train["days_on_lot"]), enable_categorical=True)
dtest = xgb.DMatrix(test[features], enable_categorical=True)
params = {
    "objective": "reg:squarederror", "eta": 0.05, "max_depth": 6,
    "min_child_weight": 10, "subsample": 0.8, "colsample_bytree": 0.8,
    "lambda": 1.0, "tree_method": "hist", "seed": 12,
}
booster = xgb.train(params, dtrain, num_boost_round=800)

pred_days = np.expm1(booster.predict(dtest))
mae = mean_absolute_error(test["days_on_lot"], pred_days)
print(f"H1 2024 units: {len(test)}   MAE {mae:.1f} days   median actual {test['days_on_lot'].median():.0f}")

aged = test["days_on_lot"] > 60
flag = pred_days > 60
print(f"over-60-day units caught: {(aged & flag).sum()}/{aged.sum()}, "
      f"false flags: {(~aged & flag).sum()}")

imp = pd.Series(booster.get_score(importance_type="total_gain")).sort_values(ascending=False)
print(imp.head(10).round(0).to_string())
