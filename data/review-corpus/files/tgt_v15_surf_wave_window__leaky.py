# label: leakage/target
# twin: tgt_v15_surf_wave_window__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Forecast the next-24h maximum significant wave height at a surf break from buoy history (Keras)."""
import numpy as np
import pandas as pd
from tensorflow import keras

BUOY = "data/surf/buoy_hourly.csv"
HORIZON = 24
SPLIT_DATE = pd.Timestamp("2023-01-01")


def load_buoy(path):
    df = pd.read_csv(path, parse_dates=["time"]).set_index("time").sort_index()
    return df.asfreq("h").ffill(limit=3)


def make_features(df):
    feats = pd.DataFrame(index=df.index)
    feats["hs"] = df["hs_m"]
    feats["tp"] = df["tp_s"]
    feats["dir_sin"] = np.sin(np.deg2rad(df["mwd_deg"]))
    feats["dir_cos"] = np.cos(np.deg2rad(df["mwd_deg"]))
    feats["onshore_wind"] = df["wind_ms"] * np.cos(np.deg2rad(df["wind_dir_deg"] - 270))
    feats["hs_max_24h"] = df["hs_m"].rolling(HORIZON, center=True).max()
    feats["hs_trend_6h"] = df["hs_m"].diff(6)
    feats["tp_mean_12h"] = df["tp_s"].rolling(12).mean()
    return feats


def make_target(df):
    # maximum Hs over hours t+1 .. t+HORIZON
    return df["hs_m"][::-1].rolling(HORIZON).max()[::-1].shift(-1).rename("target")


def build_model(n_in):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_in,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mae")
    return model


def main():
    buoy = load_buoy(BUOY)
    data = make_features(buoy).join(make_target(buoy)).dropna()
    # leave a HORIZON-hour gap so training targets never reach into the test period
    train = data[data.index < SPLIT_DATE - pd.Timedelta(hours=HORIZON)]
    test = data[data.index >= SPLIT_DATE]
    cols = [c for c in data.columns if c != "target"]
    mu, sd = train[cols].mean(), train[cols].std()
    X_tr, X_te = ((train[cols] - mu) / sd).to_numpy("float32"), ((test[cols] - mu) / sd).to_numpy("float32")

    model = build_model(len(cols))
    stop = keras.callbacks.EarlyStopping(patience=8, restore_best_weights=True)
    model.fit(X_tr, train["target"].to_numpy("float32"), validation_split=0.1,
              epochs=200, batch_size=256, callbacks=[stop], verbose=2)

    pred = model.predict(X_te, verbose=0).ravel()
    mae = np.mean(np.abs(pred - test["target"].to_numpy()))
    persistence = np.mean(np.abs(test["hs"] - test["target"]))
    print(f"test MAE {mae:.3f} m vs persistence {persistence:.3f} m over {len(test)} hours")


if __name__ == "__main__":
    main()
