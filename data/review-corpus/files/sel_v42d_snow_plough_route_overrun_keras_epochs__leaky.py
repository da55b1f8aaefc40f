# label: leakage/selection
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import roc_auc_score, average_precision_score

RUNS_CSV = "exports/winter_service_route_runs.csv"
NUMERIC = [
    "route_km",
    "priority_one_km",
    "gradient_p90",
    "forecast_snow_cm",
    "forecast_min_temp_c",
    "forecast_wind_kmh",
    "hours_since_last_treatment",
    "driver_years_on_route",
    "vehicle_age_years",
    "start_hour",
    "is_weekend",
]
CATEGORICAL = ["depot", "vehicle_class"]


def load_runs(path):
    runs = pd.read_csv(path, parse_dates=["dispatched_at"])
    runs = runs[runs["run_type"] == "plough_and_salt"].copy()
    # overrun = route not cleared within the planned cycle time
    runs["overrun"] = (runs["actual_minutes"] > runs["planned_minutes"] * 1.15).astype("int32")
    runs["start_hour"] = runs["dispatched_at"].dt.hour
    runs["is_weekend"] = (runs["dispatched_at"].dt.dayofweek >= 5).astype(int)
    runs["winter"] = np.where(
        runs["dispatched_at"].dt.month >= 7,
        runs["dispatched_at"].dt.year,
        runs["dispatched_at"].dt.year - 1,
    )
    return runs.dropna(subset=NUMERIC + CATEGORICAL)


def encode(frame, categories):
    num = frame[NUMERIC].to_numpy(dtype="float32")
    dummies = [
        (frame[col].to_numpy()[:, None] == np.array(categories[col])[None, :]).astype("float32")
        for col in CATEGORICAL
    ]
    return np.hstack([num] + dummies)


def build_model(n_features, norm):
    inputs = keras.Input(shape=(n_features,))
    x = norm(inputs)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dropout(0.2)(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    outputs = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


def main():
    tf.keras.utils.set_random_seed(2024)
    runs = load_runs(RUNS_CSV)
    last_winter = runs["winter"].max()
    train = runs[runs["winter"] < last_winter]
    test = runs[runs["winter"] == last_winter]
    categories = {col: sorted(train[col].unique()) for col in CATEGORICAL}

    X_train, y_train = encode(train, categories), train["overrun"].to_numpy()
    X_test, y_test = encode(test, categories), test["overrun"].to_numpy()
    print(f"train runs {len(X_train)} (overrun rate {y_train.mean():.2%}), "
          f"winter {last_winter}/{last_winter + 1}: {len(X_test)} runs")

    norm = keras.layers.Normalization()
    norm.adapt(X_train)
    model = build_model(X_train.shape[1], norm)

    stopper = keras.callbacks.EarlyStopping(
        monitor="val_auc", mode="max", patience=15, restore_best_weights=True
    )
    history = model.fit(
        X_train,
        y_train,
        validation_data=(X_test, y_test),
        epochs=300,
        batch_size=128,
        callbacks=[stopper],
        verbose=0,
    )
    best_epoch = int(np.argmax(history.history["val_auc"])) + 1
    print(f"stopped after {len(history.history['loss'])} epochs, best epoch {best_epoch}")

    proba = model.predict(X_test, verbose=0).ravel()
    print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
    print(f"PR AUC:  {average_precision_score(y_test, proba):.3f}")

    test = test.assign(p_overrun=proba)
    by_depot = test.groupby("depot").agg(runs=("overrun", "size"),
                                         observed=("overrun", "mean"),
                                         predicted=("p_overrun", "mean"))
    print(by_depot.round(3).to_string())
    model.save("models/plough_overrun.keras")


if __name__ == "__main__":
    main()
