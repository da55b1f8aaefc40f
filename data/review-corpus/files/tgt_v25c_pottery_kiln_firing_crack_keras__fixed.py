# label: leakage/none
"""Predict whether a stoneware piece cracks during glaze firing from studio records, using a Keras MLP."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.compose import ColumnTransformer
from sklearn.metrics import roc_auc_score, recall_score
from sklearn.preprocessing import OneHotEncoder, StandardScaler

pieces = pd.read_csv("studio_pieces.csv", parse_dates=["thrown_on", "fired_on"])
firings = pd.read_csv("kiln_firings.csv", parse_dates=["fired_on"])

df = pieces.merge(firings, on=["kiln_id", "fired_on"], how="left")

df["cracked"] = df["unload_status"].isin(["dunted", "s_crack", "split_base"]).astype(int)
df["drying_days"] = (df["bisque_on"].pipe(pd.to_datetime) - df["thrown_on"]).dt.days
df["wall_ratio"] = df["base_thickness_mm"] / df["wall_thickness_mm"].clip(lower=1)
df["cool_rate_c_per_h"] = (df["peak_temp_c"] - 200) / df["programmed_cool_hours"].clip(lower=1)
df["fill_density"] = df["pieces_in_load"] / df["kiln_volume_l"]

numeric = ["weight_g", "height_mm", "wall_thickness_mm", "wall_ratio", "drying_days",
           "peak_temp_c", "hold_minutes", "cool_rate_c_per_h", "fill_density",
           "shelf_level", "grog_pct"]
categorical = ["clay_body", "form", "glaze_family", "kiln_id", "maker"]
df = df.dropna(subset=numeric)

cut = df["fired_on"].quantile(0.8)
train, test = df[df["fired_on"] <= cut], df[df["fired_on"] > cut]

prep = ColumnTransformer([
    ("num", StandardScaler(), numeric),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), categorical),
])
X_train = prep.fit_transform(train).astype("float32")
X_test = prep.transform(test).astype("float32")
y_train = train["cracked"].to_numpy("float32")
y_test = test["cracked"].to_numpy("float32")

tf.random.set_seed(9)
model = keras.Sequential([
    keras.layers.Input(shape=(X_train.shape[1],)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(32, activation="relu"),
    keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])
pos_weight = (1 - y_train.mean()) / max(y_train.mean(), 1e-6)
model.fit(X_train, y_train, epochs=40, batch_size=64, verbose=0,
          class_weight={0: 1.0, 1: float(pos_weight)})

p = model.predict(X_test, verbose=0).ravel()
print(f"pieces: train {len(train)}, test {len(test)}, crack rate {y_train.mean():.2%}")
print(f"Test ROC AUC: {roc_auc_score(y_test, p):.3f}")
print(f"Test recall @0.5: {recall_score(y_test, (p >= 0.5).astype(int)):.3f}")
