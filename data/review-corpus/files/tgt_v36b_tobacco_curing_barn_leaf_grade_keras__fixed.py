# label: leakage/none
"""Predict the buyer grade band of flue-cured tobacco bales from the curing barn log.

Grade bands (A/B/C/D) are assigned by the buyer's classifier on the auction floor; the
co-op wants an early estimate per barn load to plan which bales to re-sort.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.compose import ColumnTransformer
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

GRADES = ["A", "B", "C", "D"]
NUMERIC = [
    "yellowing_hours", "yellowing_max_temp_c", "leaf_drying_hours", "leaf_drying_max_temp_c",
    "stem_drying_hours", "stem_drying_max_temp_c", "mean_wet_bulb_c", "max_temp_ramp_c_per_h",
    "fuel_kg_per_barn", "leaf_load_kg", "ripeness_score_at_priming", "days_since_topping",
    "rain_mm_week_before_harvest",
]
CATEGORICAL = ["variety", "stalk_position", "barn_type", "farm_zone"]

tf.random.set_seed(12)

bales = pd.read_csv("coop/bale_grades_2022_2024.csv")
barns = pd.read_csv("coop/barn_curing_logs.csv")
df = bales.merge(barns, on="barn_load_id", how="inner")
df = df[df["grade_band"].isin(GRADES)].dropna(subset=NUMERIC)
df["grade_idx"] = df["grade_band"].map({g: i for i, g in enumerate(GRADES)})
print(df["grade_band"].value_counts(normalize=True).round(3))

# split at barn-load level
loads = df["barn_load_id"].unique()
train_loads, test_loads = train_test_split(loads, test_size=0.2, random_state=12)
train = df[df["barn_load_id"].isin(train_loads)]
test = df[df["barn_load_id"].isin(test_loads)]

prep = ColumnTransformer([
    ("num", StandardScaler(), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
])
X_train = prep.fit_transform(train).astype("float32")
X_test = prep.transform(test).astype("float32")
y_train = train["grade_idx"].to_numpy()
y_test = test["grade_idx"].to_numpy()

counts = np.bincount(y_train, minlength=len(GRADES))
class_weight = {i: len(y_train) / (len(GRADES) * c) for i, c in enumerate(counts)}

model = keras.Sequential([
    keras.layers.Input(shape=(X_train.shape[1],)),
    keras.layers.Dense(96, activation="relu"),
    keras.layers.Dropout(0.25),
    keras.layers.Dense(48, activation="relu"),
    keras.layers.Dropout(0.25),
    keras.layers.Dense(len(GRADES), activation="softmax"),
])
model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
model.fit(X_train, y_train, epochs=60, batch_size=128, class_weight=class_weight, verbose=2)

pred = model.predict(X_test, batch_size=1024).argmax(axis=1)
print(classification_report(y_test, pred, target_names=GRADES, digits=3))
print(pd.DataFrame(confusion_matrix(y_test, pred), index=GRADES, columns=GRADES))
within_one = np.mean(np.abs(pred - y_test) <= 1)
print(f"within one band: {within_one:.3f}")
