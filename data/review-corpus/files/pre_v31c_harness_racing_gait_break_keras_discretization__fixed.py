# label: leakage/none
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

NUMERIC = ["distance_m", "post_position", "driver_win_pct", "trainer_win_pct",
           "days_since_last_start", "career_starts", "prior_breaks_rate", "temperature_c"]
BINNED = ["morning_line_odds", "prev_start_mile_rate_s"]
CATEGORICAL = ["track", "track_condition", "gait", "start_type", "sex"]
TARGET = "broke_stride"


def read_starts(path):
    df = pd.read_csv(path, parse_dates=["race_date"])
    df = df[df["scratched"] == 0].copy()
    df["morning_line_odds"] = df["morning_line_odds"].fillna(99.0)
    df["prev_start_mile_rate_s"] = df["prev_start_mile_rate_s"].fillna(120.0)
    df[CATEGORICAL] = df[CATEGORICAL].fillna("NA").astype(str)
    return df


def to_dataset(df, shuffle=False):
    feats = {c: df[[c]].to_numpy() for c in NUMERIC + BINNED + CATEGORICAL}
    ds = tf.data.Dataset.from_tensor_slices((feats, df[TARGET].to_numpy("float32")))
    if shuffle:
        ds = ds.shuffle(len(df), seed=5)
    return ds.batch(256).prefetch(tf.data.AUTOTUNE)


def build_model(reference):
    inputs, encoded = {}, []
    for col in NUMERIC:
        inputs[col] = keras.Input(shape=(1,), name=col)
        norm = layers.Normalization()
        norm.adapt(reference[[col]].to_numpy("float32"))
        encoded.append(norm(inputs[col]))
    for col in BINNED:
        inputs[col] = keras.Input(shape=(1,), name=col)
        disc = layers.Discretization(num_bins=12)
        disc.adapt(reference[[col]].to_numpy("float32"))
        encoded.append(layers.CategoryEncoding(num_tokens=12, output_mode="one_hot")(disc(inputs[col])))
    for col in CATEGORICAL:
        inputs[col] = keras.Input(shape=(1,), name=col, dtype="string")
        lookup = layers.StringLookup(output_mode="one_hot", num_oov_indices=1)
        lookup.adapt(reference[col].to_numpy())
        encoded.append(lookup(inputs[col]))

    x = layers.Concatenate()(encoded)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.25)(x)
    x = layers.Dense(32, activation="relu")(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(5e-4), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


starts = read_starts("data/standardbred_starts_2018_2024.csv")
train_df = starts[starts["race_date"] < "2023-07-01"]
test_df = starts[starts["race_date"] >= "2023-07-01"]
print(f"train {len(train_df):,}  test {len(test_df):,}  break rate {train_df[TARGET].mean():.3f}")

model = build_model(train_df)
model.fit(to_dataset(train_df, shuffle=True), epochs=15, verbose=2)

metrics = model.evaluate(to_dataset(test_df), return_dict=True, verbose=0)
print({k: round(v, 4) for k, v in metrics.items()})
model.save("models/gait_break.keras")
