# label: leakage/none
# twin: sel_v15_coral_bleaching_early_stop__leaky.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Dense network predicting severe bleaching at reef survey sites (latest survey per site)."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

SITES_CSV = "data/reefs/site_surveys.csv"
FEATURES = ["sst_anomaly_c", "degree_heating_weeks", "depth_m", "turbidity_ntu",
            "chlorophyll_a", "wave_exposure", "coral_cover_pct", "distance_to_shore_km",
            "latitude_abs", "prior_bleaching_events"]
TARGET = "severe_bleaching"
tf.random.set_seed(21)


def build_model(n_features):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_features,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.3),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


def load_sites(path):
    df = pd.read_csv(path, parse_dates=["survey_date"]).dropna(subset=FEATURES + [TARGET])
    df = df.sort_values("survey_date").groupby("site_id").tail(1)
    return df[FEATURES].to_numpy("float32"), df[TARGET].to_numpy("float32")


def main():
    X, y = load_sites(SITES_CSV)
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, stratify=y, random_state=21
    )
    scaler = StandardScaler().fit(X_train)
    X_train, X_test = scaler.transform(X_train), scaler.transform(X_test)

    model = build_model(X.shape[1])
    stopper = keras.callbacks.EarlyStopping(
        monitor="val_auc", mode="max", patience=15, restore_best_weights=True
    )
    history = model.fit(
        X_train, y_train,
        validation_split=0.2,
        epochs=300, batch_size=64, callbacks=[stopper], verbose=2,
    )
    best_epoch = int(np.argmax(history.history["val_auc"])) + 1
    loss, auc = model.evaluate(X_test, y_test, verbose=0)
    print(f"restored epoch {best_epoch}; test AUC {auc:.4f}, loss {loss:.4f}")
    model.save("models/bleaching_mlp.keras")


if __name__ == "__main__":
    main()
