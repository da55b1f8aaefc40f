# label: leakage/none
"""Predict the Martindale pilling grade of hand-knitting yarn colourways."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GroupShuffleSplit

DYE_METHODS = ["kettle", "hand_painted", "speckle", "immersion", "undyed"]
FIBRES = ["pct_merino", "pct_alpaca", "pct_mohair", "pct_nylon", "pct_silk", "pct_acrylic"]

colourways = pd.read_parquet("yarn_colourways.parquet")   # colourway_id, base_id, dye_method, dye_bath_temp_c, ...
bases = pd.read_csv("yarn_bases.csv")                      # base_id, fibre blend, micron, twist, plies, ...
lab = pd.read_csv("pilling_lab_results.csv")               # colourway_id, rubs, pilling_grade

df = (
    colourways.merge(bases, on="base_id", how="inner")
    .merge(lab[["colourway_id", "pilling_grade"]], on="colourway_id", how="inner")
    .dropna(subset=["pilling_grade"])
    .reset_index(drop=True)
)
df[FIBRES] = df[FIBRES].fillna(0) / 100.0
df["superwash"] = df["superwash"].fillna(False).astype(float)
df["twist_per_ply"] = df["twist_tpi"] / df["plies"]
df["log_yards_per_100g"] = np.log(df["yards_per_100g"])
for m in DYE_METHODS:
    df[f"dye_{m}"] = (df["dye_method"].str.lower() == m).astype(float)
print(f"{len(df)} colourways over {df['base_id'].nunique()} bases")

feature_cols = (FIBRES + ["micron", "twist_tpi", "plies", "twist_per_ply", "log_yards_per_100g",
                          "dye_bath_temp_c", "superwash"] + [f"dye_{m}" for m in DYE_METHODS])

# colourways of one base yarn go to the same side
splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=21)
train_idx, test_idx = next(splitter.split(df, groups=df["base_id"]))
train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]
X_train = train_df[feature_cols].to_numpy("float32")
X_test = test_df[feature_cols].to_numpy("float32")
y_train = train_df["pilling_grade"].to_numpy("float32")
y_test = test_df["pilling_grade"].to_numpy("float32")

tf.random.set_seed(21)
norm = keras.layers.Normalization()
norm.adapt(X_train)

model = keras.Sequential([
    keras.Input(shape=(X_train.shape[1],)),
    norm,
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.1),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
model.fit(X_train, y_train, epochs=80, batch_size=32, verbose=0)

pred = np.clip(model.predict(X_test, verbose=0).ravel(), 1.0, 5.0)
print(f"test MAE: {mean_absolute_error(y_test, pred):.3f} grades")
print(f"within half a grade: {np.mean(np.abs(pred - y_test) <= 0.5):.3f}")
print(f"exact after rounding: {np.mean(np.round(pred * 2) / 2 == y_test):.3f}")
