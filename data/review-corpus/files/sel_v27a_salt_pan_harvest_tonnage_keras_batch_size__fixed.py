# label: leakage/none
"""Forecast sea-salt harvest tonnage per evaporation pan with a small Keras regressor."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

harvests = pd.read_csv("salt_pan_harvests.csv", parse_dates=["flooded_on", "raked_on"])
pans = pd.read_csv("pan_register.csv")
met = pd.read_parquet("saltworks_daily_met.parquet")

harvests = harvests.merge(pans, on="pan_id", how="left")
harvests = harvests[harvests["tonnes_raked"] > 0].copy()
harvests["season"] = harvests["flooded_on"].dt.year
harvests["flood_doy"] = harvests["flooded_on"].dt.dayofyear

# weather over the planned evaporation window (forecast archive, issued at flooding)
met_agg = met.groupby("harvest_id").agg(
    sunshine_h=("sunshine_fcst_h", "sum"),
    wind_ms=("wind_fcst_ms", "mean"),
    rain_mm=("rain_fcst_mm", "sum"),
    air_temp_c=("temp_fcst_c", "mean"),
).reset_index()
harvests = harvests.merge(met_agg, on="harvest_id", how="left").dropna()

FEATURES = [
    "pan_area_m2", "pan_age_years", "brine_baume_start", "brine_depth_cm",
    "planned_days", "flood_doy", "sunshine_h", "wind_ms", "rain_mm", "air_temp_c",
]
train = harvests[harvests["season"] < 2023]
test = harvests[harvests["season"] == 2023]
fit_part = train[train["season"] < 2022]
val_part = train[train["season"] == 2022]
X_train = train[FEATURES].to_numpy("float32")
y_train = train["tonnes_raked"].to_numpy("float32")
X_test = test[FEATURES].to_numpy("float32")
y_test = test["tonnes_raked"].to_numpy("float32")
X_fit, y_fit = fit_part[FEATURES].to_numpy("float32"), fit_part["tonnes_raked"].to_numpy("float32")
X_val, y_val = val_part[FEATURES].to_numpy("float32"), val_part["tonnes_raked"].to_numpy("float32")


def make_model(n_features, X_adapt):
    norm = keras.layers.Normalization()
    norm.adapt(X_adapt)
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        norm,
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.1),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


scores = {}
for batch_size in [8, 16, 32, 64, 128]:
    tf.keras.utils.set_random_seed(42)
    model = make_model(len(FEATURES), X_fit)
    model.fit(X_fit, y_fit, epochs=120, batch_size=batch_size, verbose=0)
    _, mae = model.evaluate(X_val, y_val, verbose=0)
    scores[batch_size] = mae
    print(f"batch_size={batch_size:<4d} 2022 val MAE={mae:.3f} t")

best_bs = min(scores, key=scores.get)
tf.keras.utils.set_random_seed(42)
model = make_model(len(FEATURES), X_train)
model.fit(X_train, y_train, epochs=120, batch_size=best_bs, verbose=0)
_, best_mae = model.evaluate(X_test, y_test, verbose=0)
pred = model.predict(X_test, verbose=0).ravel()

print(f"\nbatch size {best_bs}")
print(f"2023 season MAE: {best_mae:.3f} t per harvest")
print(f"2023 total raked: predicted {pred.sum():.0f} t vs actual {y_test.sum():.0f} t")
