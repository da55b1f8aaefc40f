# label: leakage/none
# Polymer identification for microplastic particles picked from beach-sediment
# extracts. Each row is one particle's ATR-FTIR spectrum (650-4000 cm-1,
# resampled to 4 cm-1), labelled by the analyst after library matching.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

rng = np.random.default_rng(17)
tf.random.set_seed(17)

POLYMERS = ["PE", "PP", "PS", "PET", "PA", "PVC", "PU", "other"]

meta = pd.read_csv("data/particles_labelled.csv")
spectra = np.load("data/particle_spectra.npy")  # (n_particles, n_wavenumbers)
meta = meta[meta["polymer"].isin(POLYMERS) & (meta["match_quality"] >= 0.7)]
X = spectra[meta["row"].to_numpy()].astype("float32")
y = meta["polymer"].map({p: i for i, p in enumerate(POLYMERS)}).to_numpy()

# per-spectrum baseline removal and vector normalisation
X = X - X.min(axis=1, keepdims=True)
X = X / np.linalg.norm(X, axis=1, keepdims=True)


def jitter(X, y, copies=4, noise_sd=0.002, max_shift=3, scale_sd=0.05):
    """Instrument-style variation: small wavenumber shift, gain, slope and noise."""
    out_X, out_y = [X], [y]
    n, m = X.shape
    ramp = np.linspace(-1, 1, m, dtype="float32")
    for _ in range(copies):
        shifts = rng.integers(-max_shift, max_shift + 1, size=n)
        Xa = np.stack([np.roll(row, s) for row, s in zip(X, shifts)])
        Xa *= rng.normal(1.0, scale_sd, size=(n, 1)).astype("float32")
        Xa += rng.normal(0, 0.01, size=(n, 1)).astype("float32") * ramp
        Xa += rng.normal(0, noise_sd, size=Xa.shape).astype("float32")
        out_X.append(Xa)
        out_y.append(y)
    return np.concatenate(out_X), np.concatenate(out_y)


X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=17
)
X_train, y_train = jitter(X_train, y_train)

model = keras.Sequential([
    keras.Input(shape=(X_train.shape[1], 1)),
    keras.layers.Conv1D(16, 9, activation="relu", padding="same"),
    keras.layers.MaxPooling1D(2),
    keras.layers.Conv1D(32, 7, activation="relu", padding="same"),
    keras.layers.MaxPooling1D(2),
    keras.layers.Conv1D(64, 5, activation="relu", padding="same"),
    keras.layers.GlobalAveragePooling1D(),
    keras.layers.Dropout(0.3),
    keras.layers.Dense(len(POLYMERS), activation="softmax"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train[..., None], y_train, epochs=40, batch_size=64, verbose=2)

pred = model.predict(X_test[..., None], verbose=0).argmax(axis=1)
print(f"macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
print(classification_report(y_test, pred, labels=range(len(POLYMERS)),
                            target_names=POLYMERS, digits=3, zero_division=0))
model.save("models/ftir_polymer_cnn.keras")
