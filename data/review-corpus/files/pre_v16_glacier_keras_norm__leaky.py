# label: leakage/preprocessing
# twin: pre_v16_glacier_keras_norm__fixed.py
# source: hand-written for ai-ci held-out v16 (Apache-2.0)
import numpy as np
import pandas as pd
from tensorflow import keras
from tensorflow.keras import layers

CONFIG = {
    "path": "data/glacier_reanalysis_features.csv",
    "target": "annual_balance_mwe",
    "features": ["jja_temp_c", "djf_precip_mm", "solid_precip_frac", "sw_radiation_wm2",
                 "cloud_cover", "ela_m", "debris_cover_frac", "hypsometric_index", "area_km2"],
    "test_from": 2015,
    "epochs": 200,
    "seed": 2,
}


def load(cfg):
    df = pd.read_csv(cfg["path"]).dropna(subset=cfg["features"] + [cfg["target"]])
    df = df.sort_values(["year", "glacier_id"])
    X = df[cfg["features"]].to_numpy(dtype="float32")
    y = df[cfg["target"]].to_numpy(dtype="float32")
    return X, y, df["year"].to_numpy()


def build_mlp(n_features):
    model = keras.Sequential([
        keras.Input(shape=(n_features,)),
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.1),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(5e-4), loss="mse", metrics=["mae"])
    return model


def main(cfg=CONFIG):
    keras.utils.set_random_seed(cfg["seed"])
    X, y, years = load(cfg)
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-8
    X = (X - mu) / sd
    train_mask = years < cfg["test_from"]
    X_tr, y_tr = X[train_mask], y[train_mask]
    X_te, y_te = X[~train_mask], y[~train_mask]
    print(f"train {X_tr.shape}, test {X_te.shape}")

    model = build_mlp(X.shape[1])
    stop = keras.callbacks.EarlyStopping(monitor="val_loss", patience=15, restore_best_weights=True)
    model.fit(X_tr, y_tr, validation_split=0.15, epochs=cfg["epochs"], batch_size=32,
              callbacks=[stop], verbose=0)
    pred = model.predict(X_te, verbose=0).ravel()
    rmse = float(np.sqrt(np.mean((pred - y_te) ** 2)))
    print(f"test RMSE: {rmse:.3f} m w.e.")
    print(f"test bias: {float(np.mean(pred - y_te)):+.3f} m w.e.")


if __name__ == "__main__":
    main()
