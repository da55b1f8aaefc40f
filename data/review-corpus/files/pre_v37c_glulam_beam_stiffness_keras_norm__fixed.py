# label: leakage/none
# Predict the 4-point bending MOE of glulam beams from lamella grading data,
# so that the plant can drop the destructive proof test to a sampling regime.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.model_selection import train_test_split

tf.random.set_seed(21)
np.random.seed(21)

LAMELLA_FILE = "plant_data/lamella_grading.csv"
BEAM_FILE = "plant_data/beam_layup_and_tests.csv"


def beam_features():
    lam = pd.read_csv(LAMELLA_FILE)
    beams = pd.read_csv(BEAM_FILE)
    # outer lamellae carry most of the bending stress
    lam["is_outer"] = lam["position_from_face"] <= 1
    agg = lam.groupby("beam_id").agg(
        moe_dyn_mean=("moe_dynamic_gpa", "mean"),
        moe_dyn_min=("moe_dynamic_gpa", "min"),
        density_mean=("density_kg_m3", "mean"),
        kar_max=("knot_area_ratio", "max"),
        kar_mean=("knot_area_ratio", "mean"),
        mc_mean=("moisture_pct", "mean"),
        mc_range=("moisture_pct", lambda s: s.max() - s.min()),
        finger_joints=("finger_joints", "sum"),
    )
    outer = lam[lam["is_outer"]].groupby("beam_id").agg(
        moe_dyn_outer=("moe_dynamic_gpa", "mean"),
        kar_outer_max=("knot_area_ratio", "max"),
    )
    df = beams.set_index("beam_id").join(agg).join(outer).reset_index()
    df["depth_to_width"] = df["depth_mm"] / df["width_mm"]
    df["adhesive_muf"] = (df["adhesive"] == "MUF").astype(float)
    df["press_hours"] = df["press_time_min"] / 60
    return df


FEATURES = [
    "moe_dyn_mean", "moe_dyn_min", "moe_dyn_outer", "density_mean", "kar_max", "kar_mean",
    "kar_outer_max", "mc_mean", "mc_range", "finger_joints", "n_lamellae", "depth_mm",
    "width_mm", "depth_to_width", "span_mm", "adhesive_muf", "press_pressure_mpa", "press_hours",
]


def build_model(norm):
    inputs = keras.Input(shape=(len(FEATURES),))
    x = norm(inputs)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.1)(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


df = beam_features().dropna(subset=FEATURES + ["moe_static_gpa"])
df = df[df["test_valid"] == 1]
X = df[FEATURES].to_numpy(dtype="float32")
y = df["moe_static_gpa"].to_numpy(dtype="float32")
print(f"{len(df)} tested beams, MOE {y.mean():.2f} ± {y.std():.2f} GPa")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)

norm = layers.Normalization(axis=-1)
norm.adapt(X_train)

model = build_model(norm)
stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=25, restore_best_weights=True)
history = model.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=500,
    batch_size=32,
    callbacks=[stop],
    verbose=0,
)
print(f"stopped after {len(history.history['loss'])} epochs")

pred = model.predict(X_test, verbose=0).ravel()
mae = np.mean(np.abs(pred - y_test))
rmse = np.sqrt(np.mean((pred - y_test) ** 2))
r2 = 1 - np.sum((pred - y_test) ** 2) / np.sum((y_test - y_test.mean()) ** 2)
print(f"test MAE {mae:.3f} GPa  RMSE {rmse:.3f} GPa  R2 {r2:.3f}")

# share of beams where the prediction sits within 5% of the measured MOE
print(f"within 5%: {np.mean(np.abs(pred - y_test) / y_test <= 0.05):.1%}")
model.save("models/glulam_moe.keras")
