# label: leakage/none
"""Harvest wet biomass per sugar-kelp longline from the mid-season survey.

Diver survey, mooring sensors and seeding records are joined per line for
the season; a small Keras regressor predicts kg per metre at harvest.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.model_selection import train_test_split

SEED = 17
SEASON = "season_2023_24"  # one row per line, cooperative farms
FEATURES = [
    "blade_length_cm_mid", "blade_width_cm_mid", "fronds_per_m_mid", "epiphyte_cover_pct",
    "seed_density_per_m", "line_depth_m", "days_since_seeding", "mean_sst_c", "min_sst_c",
    "nitrate_umol", "current_speed_cms", "turbidity_ntu", "par_mol_m2_day", "exposure_index",
]
TARGET = "harvest_kg_per_m"


def load_lines():
    survey = pd.read_csv(f"{SEASON}/survey/mid_season_dive_survey.csv")
    sensors = pd.read_csv(f"{SEASON}/moorings/line_sensor_means_to_survey.csv")
    seeding = pd.read_csv(f"{SEASON}/hatchery/seeding_records.csv")
    harvest = pd.read_csv(f"{SEASON}/harvest/landed_weights.csv")[["line_id", TARGET]]
    lines = (survey.merge(sensors, on="line_id")
                   .merge(seeding, on="line_id")
                   .merge(harvest, on="line_id"))
    lines = lines.dropna(subset=FEATURES + [TARGET])
    return lines[lines[TARGET] > 0].reset_index(drop=True)


def build_model(norm):
    inputs = keras.Input(shape=(len(FEATURES),))
    x = norm(inputs)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dropout(0.15)(x)
    x = keras.layers.Dense(32, activation="relu")(x)
    outputs = keras.layers.Dense(1, activation="softplus")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber",
                  metrics=[keras.metrics.MeanAbsoluteError(name="mae")])
    return model


def main():
    tf.keras.utils.set_random_seed(SEED)
    lines = load_lines()
    X = lines[FEATURES].to_numpy("float32")
    y = lines[TARGET].to_numpy("float32")

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

    norm = keras.layers.Normalization(axis=-1)
    norm.adapt(X_train)

    model = build_model(norm)
    model.fit(
        X_train, y_train,
        validation_split=0.15,
        epochs=250,
        batch_size=32,
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_mae", patience=20,
                                                 restore_best_weights=True)],
        verbose=0,
    )

    pred = model.predict(X_test, verbose=0).ravel()
    mae = np.mean(np.abs(pred - y_test))
    rmse = np.sqrt(np.mean((pred - y_test) ** 2))
    bias = np.mean(pred - y_test)
    print(f"lines: {len(lines)} (evaluation {len(y_test)})")
    print(f"MAE {mae:.2f} kg/m | RMSE {rmse:.2f} kg/m | bias {bias:+.2f} kg/m")
    print(f"mean harvest {y_test.mean():.2f} kg/m, MAE as share {mae / y_test.mean():.1%}")


if __name__ == "__main__":
    main()
