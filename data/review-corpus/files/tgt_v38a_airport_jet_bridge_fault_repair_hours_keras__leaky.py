# label: leakage/target
# Repair hours for passenger boarding bridges (jet bridges) at the airport.
# The engineering desk wants an hours estimate when a fault job is raised so
# that stand allocation can work around the bridge being out of service.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras

JOBS = "maintenance/boarding_bridge_fault_jobs.csv"
CATEGORICAL = ["bridge_type", "manufacturer", "component", "fault_code", "reported_shift", "pier"]
NUMERIC = [
    "bridge_age_years",
    "dockings_since_overhaul",
    "dockings_last_30d",
    "wind_speed_at_report_ms",
    "crew_size_planned",
    "open_jobs_same_bridge",
    "labour_cost_gbp",
    "spares_in_stock",
]
TARGET = "repair_hours"

jobs = pd.read_csv(JOBS, parse_dates=["raised_at"])
jobs = jobs[jobs["job_status"] == "closed"].dropna(subset=[TARGET])
jobs[CATEGORICAL] = jobs[CATEGORICAL].fillna("missing").astype(str)
jobs[NUMERIC] = jobs[NUMERIC].fillna(0.0)
jobs["log_hours"] = np.log1p(jobs[TARGET])

train = jobs[jobs["raised_at"] < "2023-07-01"]
test = jobs[jobs["raised_at"] >= "2023-07-01"]
print(f"{len(train)} training jobs, {len(test)} test jobs")


def to_inputs(df):
    inputs = {c: df[c].to_numpy()[:, None] for c in CATEGORICAL}
    inputs["numeric"] = df[NUMERIC].to_numpy(dtype="float32")
    return inputs


def build_model(train_df):
    cat_inputs, encoded = [], []
    for col in CATEGORICAL:
        inp = keras.Input(shape=(1,), dtype=tf.string, name=col)
        lookup = keras.layers.StringLookup(output_mode="one_hot")
        lookup.adapt(train_df[col].to_numpy())
        cat_inputs.append(inp)
        encoded.append(keras.layers.Flatten()(lookup(inp)))

    num_input = keras.Input(shape=(len(NUMERIC),), name="numeric")
    norm = keras.layers.Normalization()
    norm.adapt(train_df[NUMERIC].to_numpy(dtype="float32"))
    encoded.append(norm(num_input))

    x = keras.layers.Concatenate()(encoded)
    x = keras.layers.Dense(128, activation="relu")(x)
    x = keras.layers.Dropout(0.2)(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    out = keras.layers.Dense(1)(x)

    model = keras.Model(cat_inputs + [num_input], out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


model = build_model(train)
model.fit(
    to_inputs(train),
    train["log_hours"].to_numpy(),
    validation_split=0.15,
    epochs=80,
    batch_size=64,
    callbacks=[keras.callbacks.EarlyStopping(patience=8, restore_best_weights=True)],
    verbose=2,
)

pred_hours = np.expm1(model.predict(to_inputs(test), verbose=0).ravel())
actual = test[TARGET].to_numpy()
mae = np.mean(np.abs(pred_hours - actual))
within_25 = np.mean(np.abs(pred_hours - actual) <= 0.25 * actual)
print(f"test MAE: {mae:.2f} h")
print(f"jobs within 25% of actual hours: {within_25:.1%}")

report = test.assign(pred=pred_hours).groupby("component").agg(
    jobs=(TARGET, "size"), actual_mean=(TARGET, "mean"), pred_mean=("pred", "mean")
)
print(report.round(1).sort_values("jobs", ascending=False).head(12).to_string())
