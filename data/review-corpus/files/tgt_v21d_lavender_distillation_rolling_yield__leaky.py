# label: leakage/target
"""Essential-oil yield per still batch at a lavender farm cooperative (keras regressor)."""
import numpy as np
import pandas as pd
import keras
from keras import layers
from sklearn.metrics import mean_absolute_error

BATCHES = "still_batches_2017_2024.csv"
FIELDS = "field_register.csv"

NUMERIC = ["fresh_mass_kg", "hours_since_cut", "wilt_hours", "steam_setpoint_kg_h", "distill_setpoint_min",
           "flower_moisture_pct", "field_age_years", "altitude_m", "gdd_since_april", "rain_30d_mm",
           "recent_field_yield"]
CATEGORICAL = ["cultivar", "still_id", "harvest_method"]


def load_batches():
    b = pd.read_csv(BATCHES, parse_dates=["distilled_at"])
    f = pd.read_csv(FIELDS)
    b = b.merge(f[["field_id", "cultivar", "planted_year", "altitude_m"]], on="field_id", how="left")
    b["field_age_years"] = b["distilled_at"].dt.year - b["planted_year"]
    b["oil_ml_per_kg"] = b["oil_ml"] / b["fresh_mass_kg"]
    return b.sort_values("distilled_at").reset_index(drop=True)


def field_history(b, window=5):
    b = b.sort_values(["field_id", "distilled_at"])
    b["recent_field_yield"] = (
        b.groupby("field_id")["oil_ml_per_kg"]
        .transform(lambda s: s.rolling(window, min_periods=1).mean())
    )
    return b.sort_values("distilled_at").reset_index(drop=True)


def encode(frame, vocab):
    out = frame[NUMERIC].astype("float32").copy()
    for col in CATEGORICAL:
        for level in vocab[col]:
            out[f"{col}={level}"] = (frame[col] == level).astype("float32")
    return out.to_numpy()


batches = field_history(load_batches())
batches = batches.dropna(subset=NUMERIC + ["oil_ml_per_kg"])

train = batches[batches["distilled_at"].dt.year <= 2022]
test = batches[batches["distilled_at"].dt.year >= 2023]
vocab = {c: sorted(train[c].dropna().unique()) for c in CATEGORICAL}

X_train, y_train = encode(train, vocab), train["oil_ml_per_kg"].to_numpy("float32")
X_test, y_test = encode(test, vocab), test["oil_ml_per_kg"].to_numpy("float32")

norm = layers.Normalization()
norm.adapt(X_train)

model = keras.Sequential([
    keras.Input(shape=(X_train.shape[1],)),
    norm,
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.15),
    layers.Dense(32, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
history = model.fit(X_train, y_train, validation_split=0.15, epochs=150, batch_size=64,
                    callbacks=[keras.callbacks.EarlyStopping(patience=15, restore_best_weights=True)],
                    verbose=0)
print("epochs run:", len(history.history["loss"]))

pred = model.predict(X_test, verbose=0).ravel()
print("test MAE %.3f ml/kg" % mean_absolute_error(y_test, pred))
baseline = np.full_like(y_test, y_train.mean())
print("mean-baseline MAE %.3f ml/kg" % mean_absolute_error(y_test, baseline))

by_cultivar = test.assign(pred=pred, err=np.abs(pred - y_test)).groupby("cultivar")["err"].mean()
print(by_cultivar.sort_values().round(3))
