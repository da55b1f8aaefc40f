# label: leakage/none
"""Power-flying winches: predict whether a cue run ends in an overload trip,
from the drive telemetry logged in the first two seconds of the move."""
import numpy as np
import pandas as pd
import tensorflow as tf
from keras import layers
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras

FEATURES = [
    "set_load_kg", "counterweight_kg", "target_speed_ms", "accel_ms2", "travel_m",
    "motor_current_a_2s", "motor_current_slope", "brake_temp_c", "gearbox_temp_c",
    "rope_tension_kn_2s", "drum_encoder_jitter", "days_since_inspection", "cues_today",
]
LABEL = "overload_trip"


def load_runs(path="controller_logs/winch_cue_runs.parquet"):
    runs = pd.read_parquet(path)
    runs = runs[runs["travel_m"] > 0.5]
    runs = runs.dropna(subset=FEATURES + [LABEL])
    runs["net_load_kg"] = runs["set_load_kg"] - runs["counterweight_kg"]
    return runs.sort_values("run_started_at").reset_index(drop=True)


def build_model(norm, n_features):
    inputs = keras.Input(shape=(n_features,))
    x = norm(inputs)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.25)(x)
    x = layers.Dense(32, activation="relu")(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


def main():
    tf.random.set_seed(0)
    runs = load_runs()
    cols = FEATURES + ["net_load_kg"]
    X = runs[cols].to_numpy(dtype="float32")
    y = runs[LABEL].to_numpy(dtype="float32")
    print(f"{len(runs)} cue runs, trip rate {y.mean():.3%}")
    print(f"logged {runs['run_started_at'].min():%Y-%m-%d} to {runs['run_started_at'].max():%Y-%m-%d}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, shuffle=False
    )

    norm = layers.Normalization(axis=-1)
    norm.adapt(X_train)

    model = build_model(norm, len(cols))
    pos = y_train.mean()
    class_weight = {0: 0.5 / (1 - pos), 1: 0.5 / pos}
    stop = keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=8, restore_best_weights=True)
    model.fit(
        X_train, y_train,
        validation_split=0.15,
        epochs=150,
        batch_size=256,
        class_weight=class_weight,
        callbacks=[stop],
        verbose=2,
    )

    prob = model.predict(X_test, verbose=0).ravel()
    print(f"test ROC AUC: {roc_auc_score(y_test, prob):.3f}")
    print(classification_report(y_test, (prob >= 0.5).astype(int), target_names=["completed", "trip"], digits=3))
    model.save("models/winch_trip_mlp.keras")


if __name__ == "__main__":
    main()
