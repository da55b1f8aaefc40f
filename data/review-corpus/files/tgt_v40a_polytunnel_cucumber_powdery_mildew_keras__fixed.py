# label: leakage/none
# Weekly powdery mildew risk for the cucumber polytunnels. Rows are
# tunnel-weeks; the label is whether the Friday scouting walk confirmed
# mildew colonies on the upper leaves.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import average_precision_score, roc_auc_score

tf.random.set_seed(4)

NUMERIC = [
    "humid_hours_gt85",
    "leaf_wet_hours",
    "mean_temp_c",
    "min_night_temp_c",
    "mean_vpd_kpa",
    "vent_open_hours",
    "plant_age_weeks",
    "stem_density_m2",
    "mildew_prev_week",
]


def load_weeks():
    climate = pd.read_parquet("tunnels/logger_hourly.parquet")
    climate["week"] = climate["timestamp"].dt.to_period("W-FRI").dt.start_time
    weekly = climate.groupby(["tunnel_id", "week"]).agg(
        humid_hours_gt85=("rh_pct", lambda s: (s > 85).sum()),
        leaf_wet_hours=("leaf_wet", "sum"),
        mean_temp_c=("temp_c", "mean"),
        min_night_temp_c=("temp_c", "min"),
        mean_vpd_kpa=("vpd_kpa", "mean"),
        vent_open_hours=("vent_open", "sum"),
    ).reset_index()

    scouting = pd.read_csv("tunnels/scouting_weekly.csv", parse_dates=["week"])
    crops = pd.read_csv("tunnels/crop_cycles.csv", parse_dates=["planted"])

    df = scouting.merge(weekly, on=["tunnel_id", "week"], how="inner")
    df = df.merge(crops, on=["tunnel_id", "crop_cycle"], how="left")
    df["plant_age_weeks"] = (df["week"] - df["planted"]).dt.days / 7
    df = df.sort_values(["tunnel_id", "week"])
    df["mildew_prev_week"] = df.groupby(["tunnel_id", "crop_cycle"])["mildew_found"].shift(1).fillna(0)
    df["season"] = df["week"].dt.year
    return df


def build_model(train_x, n_varieties):
    num_in = keras.Input(shape=(len(NUMERIC),), name="numeric")
    var_in = keras.Input(shape=(1,), dtype="int32", name="variety")
    norm = keras.layers.Normalization()
    norm.adapt(train_x)
    emb = keras.layers.Flatten()(keras.layers.Embedding(n_varieties + 1, 4)(var_in))
    x = keras.layers.Concatenate()([norm(num_in), emb])
    x = keras.layers.Dense(48, activation="relu")(x)
    x = keras.layers.Dropout(0.25)(x)
    x = keras.layers.Dense(24, activation="relu")(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model([num_in, var_in], out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc")])
    return model


df = load_weeks()
varieties = {v: i + 1 for i, v in enumerate(sorted(df["variety"].dropna().unique()))}
df["variety_idx"] = df["variety"].map(varieties).fillna(0).astype("int32")

train = df[df["season"] < 2024]
test = df[df["season"] == 2024]
x_tr = train[NUMERIC].to_numpy("float32")
x_te = test[NUMERIC].to_numpy("float32")

model = build_model(x_tr, len(varieties))
model.fit(
    {"numeric": x_tr, "variety": train["variety_idx"].to_numpy()},
    train["mildew_found"].to_numpy("float32"),
    epochs=60,
    batch_size=64,
    validation_split=0.15,
    callbacks=[keras.callbacks.EarlyStopping(patience=8, restore_best_weights=True)],
    verbose=2,
)

p = model.predict({"numeric": x_te, "variety": test["variety_idx"].to_numpy()}).ravel()
y_te = test["mildew_found"].to_numpy()
print(f"2024 tunnel-weeks: {len(test)}  mildew rate: {y_te.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_te, p):.4f}  PR AUC: {average_precision_score(y_te, p):.4f}")
