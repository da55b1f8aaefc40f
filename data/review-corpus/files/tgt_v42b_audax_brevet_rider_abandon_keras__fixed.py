# label: leakage/none
"""Abandonment risk for riders entered on audax brevets (200-600 km).

Entries are joined from the organisers' entry lists and the validation
sheets; the model is meant to help organisers plan sweep cars and control
staffing from the entry list a few days before the event.
"""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras

CATEGORICAL = ["bike_type", "club_region", "start_group", "event_type"]
NUMERIC = [
    "rider_age",
    "prior_brevets_completed",
    "prior_abandons",
    "longest_prior_km",
    "distance_km",
    "climbing_m",
    "n_controls",
    "forecast_max_temp_c",
    "forecast_wind_kph",
    "forecast_rain_mm",
    "night_start",
    "entered_days_before",
]
TARGET = "abandoned"
SPLIT_DATE = pd.Timestamp("2023-01-01")


def load_entries(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["event_date"])
    df = df[df["status"].isin(["finished", "abandoned", "outside_time"])]
    df[TARGET] = (df["status"] != "finished").astype(int)
    df["night_start"] = (df["start_hour"] >= 20).astype(int)
    return df.sort_values("event_date").reset_index(drop=True)


def build_preprocessor() -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
            ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
        ],
        sparse_threshold=0.0,
    )


def build_model(n_inputs: int) -> keras.Model:
    model = keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


def main() -> None:
    entries = load_entries("data/brevet_entries.csv")
    train = entries[entries["event_date"] < SPLIT_DATE]
    test = entries[entries["event_date"] >= SPLIT_DATE]
    print(f"train {len(train)} entries, test {len(test)}; abandon rate {entries[TARGET].mean():.3f}")

    prep = build_preprocessor()
    X_train = prep.fit_transform(train[CATEGORICAL + NUMERIC]).astype("float32")
    X_test = prep.transform(test[CATEGORICAL + NUMERIC]).astype("float32")
    y_train = train[TARGET].to_numpy("float32")
    y_test = test[TARGET].to_numpy("float32")

    pos = y_train.mean()
    class_weight = {0: 0.5 / (1 - pos), 1: 0.5 / pos}

    keras.utils.set_random_seed(2)
    model = build_model(X_train.shape[1])
    model.fit(X_train, y_train, epochs=40, batch_size=256, class_weight=class_weight, verbose=0)

    proba = model.predict(X_test, verbose=0).ravel()
    print(f"test ROC AUC {roc_auc_score(y_test, proba):.4f}")
    print(f"test PR AUC  {average_precision_score(y_test, proba):.4f}")

    report = test[["event_date", "distance_km"]].assign(p=proba, y=y_test)
    report["band"] = pd.cut(report["distance_km"], [0, 250, 350, 450, 650], labels=["200", "300", "400", "600"])
    summary = report.groupby("band", observed=True).agg(
        entries=("y", "size"), abandon_rate=("y", "mean"), mean_p=("p", "mean")
    )
    print(summary.round(3))
    np.save("outputs/brevet_test_proba.npy", proba)
    model.save("models/brevet_abandon.keras")


if __name__ == "__main__":
    main()
