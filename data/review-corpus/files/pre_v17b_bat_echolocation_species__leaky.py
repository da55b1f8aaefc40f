# label: leakage/preprocessing
# twin: pre_v17b_bat_echolocation_species__fixed.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import classification_report, confusion_matrix

tf.random.set_seed(5)
rng = np.random.default_rng(5)

FEATURES = [
    "f_start_khz", "f_end_khz", "f_peak_khz", "f_char_khz", "f_knee_khz",
    "duration_ms", "bandwidth_khz", "slope_khz_ms", "inter_pulse_ms",
    "curvature", "n_calls_in_pass",
]

passes = pd.read_csv("data/detector_pass_summaries.csv")
passes = passes[passes["vetted_by"].notna()]
passes = passes[passes["duration_ms"].between(0.5, 60)]
passes = passes.dropna(subset=FEATURES + ["species"])
passes = passes[~passes["species"].isin(["unknown", "Myotis sp.", "noise"])].reset_index(drop=True)

species = sorted(passes["species"].unique())
to_idx = {s: i for i, s in enumerate(species)}
X = passes[FEATURES].to_numpy(dtype="float32")
y = passes["species"].map(to_idx).to_numpy()
print(f"{len(X)} passes, {len(species)} species")

norm = keras.layers.Normalization(axis=-1)
norm.adapt(X)

order = rng.permutation(len(X))
cut = int(0.8 * len(X))
tr, te = order[:cut], order[cut:]
X_train, y_train = X[tr], y[tr]
X_test, y_test = X[te], y[te]


def build_model(n_classes):
    inputs = keras.Input(shape=(len(FEATURES),))
    h = norm(inputs)
    h = keras.layers.Dense(128, activation="relu")(h)
    h = keras.layers.Dropout(0.25)(h)
    h = keras.layers.Dense(64, activation="relu")(h)
    outputs = keras.layers.Dense(n_classes, activation="softmax")(h)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


model = build_model(len(species))
model.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=200,
    batch_size=64,
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=15, restore_best_weights=True)],
    verbose=2,
)

test_loss, test_acc = model.evaluate(X_test, y_test, verbose=0)
print(f"test accuracy: {test_acc:.3f}  loss: {test_loss:.3f}")
pred = model.predict(X_test, verbose=0).argmax(axis=1)
print(classification_report(y_test, pred, labels=range(len(species)), target_names=species, zero_division=0))
print(pd.DataFrame(confusion_matrix(y_test, pred), index=species, columns=species))
model.save("bat_species_mlp.keras")
