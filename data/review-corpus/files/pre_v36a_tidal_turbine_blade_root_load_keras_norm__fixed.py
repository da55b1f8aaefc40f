# label: leakage/none
"""Blade-root fatigue load model for the Sound of Carra tidal turbine.

Predicts the 10-minute flapwise damage-equivalent load (DEL, kNm) at the blade
root from nacelle SCADA and the seabed ADCP, so that load can be tracked on
turbines without strain gauges fitted.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

SCADA = "data/carra_t2_scada_10min.parquet"
TARGET = "flap_del_knm"


def load_windows(path):
    df = pd.read_parquet(path).sort_values("window_start").reset_index(drop=True)
    df = df[(df["availability"] == 1) & (df["rotor_rpm"] > 2)]
    rad = np.deg2rad(df["flow_dir_deg"])
    df["flow_dir_sin"], df["flow_dir_cos"] = np.sin(rad), np.cos(rad)
    df["flow_cubed"] = df["flow_speed_ms"] ** 3
    df["flood_tide"] = (df["tide_phase"] == "flood").astype("float32")
    return df.dropna(subset=[TARGET])


FEATURES = [
    "flow_speed_ms", "flow_speed_std", "flow_cubed", "turbulence_intensity",
    "flow_dir_sin", "flow_dir_cos", "yaw_error_deg", "rotor_rpm", "pitch_deg",
    "power_kw", "tide_height_m", "sig_wave_height_m", "wave_period_s", "flood_tide",
]


def build_model(norm):
    model = keras.Sequential(
        [
            keras.Input(shape=(len(FEATURES),)),
            norm,
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(0.1),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(1),
        ]
    )
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


def main():
    tf.random.set_seed(5)
    df = load_windows(SCADA)
    X = df[FEATURES].fillna(0.0).to_numpy("float32")
    y = df[TARGET].to_numpy("float32")

    # first 80% of the record for fitting, latest 20% for reporting
    split = int(len(X) * 0.8)
    X_train, X_test = X[:split], X[split:]
    y_train, y_test = y[:split], y[split:]
    print(f"train windows {len(X_train)}, test windows {len(X_test)}")

    norm = keras.layers.Normalization(axis=-1)
    norm.adapt(X_train)

    model = build_model(norm)
    model.fit(
        X_train,
        y_train,
        validation_split=0.15,
        epochs=200,
        batch_size=256,
        callbacks=[keras.callbacks.EarlyStopping(patience=12, restore_best_weights=True)],
        verbose=2,
    )

    pred = model.predict(X_test, batch_size=1024).ravel()
    mae = np.mean(np.abs(pred - y_test))
    rmse = np.sqrt(np.mean((pred - y_test) ** 2))
    bias = np.mean(pred - y_test)
    print(f"test MAE {mae:.1f} kNm, RMSE {rmse:.1f} kNm, bias {bias:+.1f} kNm")

    # lifetime damage is driven by the high-load windows
    top = y_test > np.quantile(y_test, 0.9)
    print(f"MAE on top-decile windows: {np.mean(np.abs(pred[top] - y_test[top])):.1f} kNm")
    model.save("carra_flap_del.keras")


if __name__ == "__main__":
    main()
