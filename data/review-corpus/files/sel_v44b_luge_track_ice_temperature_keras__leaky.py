# label: leakage/selection
"""Ice surface temperature model for the refrigerated luge track.

Each row is one training session. The target is the mean ice surface
temperature logged by the infrared sensors in the curves during the session;
the inputs are plant settings and weather readings at session start.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.preprocessing import StandardScaler

DATA_PATH = "data/luge_sessions.csv"
FEATURES = [
    "brine_supply_temp", "brine_return_temp", "brine_flow_m3h",
    "air_temp", "rel_humidity", "dew_point", "wind_speed",
    "solar_radiation", "cloud_cover", "sleds_previous_hour",
    "hours_since_resurface", "spray_litres_last_resurface",
]
TARGET = "ice_surface_temp"

tf.random.set_seed(11)
np.random.seed(11)


def load_sessions(path):
    df = pd.read_csv(path, parse_dates=["session_start"])
    df = df.dropna(subset=FEATURES + [TARGET])
    start = df["session_start"]
    # winter seasons run from autumn to spring, label them by the autumn year
    df["season"] = np.where(start.dt.month >= 7, start.dt.year, start.dt.year - 1)
    return df.sort_values("session_start").reset_index(drop=True)


def build_model(n_inputs):
    model = keras.Sequential([
        keras.layers.Input(shape=(n_inputs,)),
        keras.layers.Dense(64, activation="relu"),
        keras.layers.Dropout(0.1),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1),
    ])
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", metrics=["mae"])
    return model


def main():
    df = load_sessions(DATA_PATH)
    last_season = df["season"].max()
    train = df[df["season"] < last_season]
    test = df[df["season"] == last_season]
    print(f"train sessions: {len(train)}  test sessions: {len(test)} (season {last_season})")

    scaler = StandardScaler()
    X_train = scaler.fit_transform(train[FEATURES])
    X_test = scaler.transform(test[FEATURES])
    y_train = train[TARGET].to_numpy()
    y_test = test[TARGET].to_numpy()

    model = build_model(X_train.shape[1])
    stopper = keras.callbacks.EarlyStopping(
        monitor="val_loss", patience=20, restore_best_weights=True
    )
    history = model.fit(
        X_train, y_train,
        validation_data=(X_test, y_test),
        epochs=400,
        batch_size=64,
        callbacks=[stopper],
        verbose=0,
    )
    best_epoch = int(np.argmin(history.history["val_loss"])) + 1
    print(f"best epoch: {best_epoch}")

    pred = model.predict(X_test, verbose=0).ravel()
    mae = mean_absolute_error(y_test, pred)
    rmse = mean_squared_error(y_test, pred) ** 0.5
    print(f"test MAE:  {mae:.3f} degC")
    print(f"test RMSE: {rmse:.3f} degC")

    within_half = np.mean(np.abs(y_test - pred) <= 0.5)
    print(f"sessions within 0.5 degC: {within_half:.1%}")
    model.save("models/luge_ice_temp.keras")


if __name__ == "__main__":
    main()
