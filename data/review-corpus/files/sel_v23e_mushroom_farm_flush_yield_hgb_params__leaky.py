# label: leakage/selection
"""Forecast oyster-mushroom flush yield per growing room from substrate and climate logs."""
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import ParameterGrid

flushes = pd.read_parquet("flush_records.parquet")
climate = pd.read_csv("room_climate_daily.csv", parse_dates=["date"])
flushes["pinning_date"] = pd.to_datetime(flushes["pinning_date"])

# average room climate over the week before pinning
climate = climate.sort_values(["room_id", "date"])
weekly = (
    climate.set_index("date")
    .groupby("room_id")[["temp_c", "rh_pct", "co2_ppm"]]
    .rolling("7D").mean()
    .reset_index()
    .rename(columns={"date": "pinning_date"})
)
df = flushes.merge(weekly, on=["room_id", "pinning_date"], how="left")

df["spawn_rate_pct"] = 100 * df["spawn_kg"] / df["substrate_kg"]
df["strain"] = df["strain"].astype("category")
df["substrate_mix"] = df["substrate_mix"].astype("category")
df["month"] = df["pinning_date"].dt.month

features = ["substrate_kg", "spawn_rate_pct", "flush_number", "temp_c", "rh_pct",
            "co2_ppm", "days_since_inoculation", "month", "strain", "substrate_mix"]
target = "yield_kg"
df = df.dropna(subset=[target]).sort_values("pinning_date")

cutoff = pd.Timestamp("2023-07-01")
train = df[df["pinning_date"] < cutoff]
test = df[df["pinning_date"] >= cutoff]
X_train, y_train = train[features], train[target]
X_test, y_test = test[features], test[target]

grid = ParameterGrid({
    "learning_rate": [0.03, 0.08],
    "max_leaf_nodes": [15, 31, 63],
    "l2_regularization": [0.0, 1.0],
    "min_samples_leaf": [10, 30],
})

best_mae, best_params = float("inf"), None
for params in grid:
    model = HistGradientBoostingRegressor(
        max_iter=400, categorical_features="from_dtype", random_state=3, **params
    )
    model.fit(X_train, y_train)
    mae = mean_absolute_error(y_test, model.predict(X_test))
    if mae < best_mae:
        best_mae, best_params = mae, params

print("best params:", best_params)
final = HistGradientBoostingRegressor(
    max_iter=400, categorical_features="from_dtype", random_state=3, **best_params
).fit(X_train, y_train)
pred = final.predict(X_test)
print(f"test MAE (kg): {mean_absolute_error(y_test, pred):.3f}")
print(f"test mean yield (kg): {y_test.mean():.3f}")
