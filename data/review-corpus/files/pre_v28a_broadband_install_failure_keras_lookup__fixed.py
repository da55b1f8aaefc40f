# label: leakage/none
# FTTP install appointments: will the engineer visit end without a working service?
# Features are what the booking system knows when the appointment is made.
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.metrics import average_precision_score, roc_auc_score

bookings = pd.read_csv("data/fttp/install_bookings_2023.csv", dtype={"exchange_code": str})
bookings = bookings.dropna(subset=["line_length_m", "duct_distance_m", "lead_days", "premise_type", "building_age_yrs", "floors"])
# first install appointment per premise only
bookings = bookings.sort_values("booked_at").drop_duplicates("premise_id", keep="first")
bookings["install_failed"] = bookings["install_failed"].astype("float32")

cat_cols = ["exchange_code", "premise_type", "route_type", "slot"]
num_cols = ["lead_days", "building_age_yrs", "prior_cancellations", "floors"]
bucket_cols = ["line_length_m", "duct_distance_m"]

train_df = bookings.sample(frac=0.8, random_state=17)
test_df = bookings.drop(train_df.index)
print(f"train {len(train_df)}  test {len(test_df)}  fail rate {train_df['install_failed'].mean():.3f}")

# preprocessing layers learn vocabularies / bin edges / moments
lookups = {}
for c in cat_cols:
    lk = layers.StringLookup(num_oov_indices=1, output_mode="one_hot", name=f"lk_{c}")
    lk.adapt(train_df[c].astype(str).to_numpy())
    lookups[c] = lk
buckets = {}
for c in bucket_cols:
    disc = layers.Discretization(num_bins=12, name=f"bin_{c}")
    disc.adapt(train_df[c].to_numpy(dtype="float32"))
    buckets[c] = disc
norm = layers.Normalization(name="num_norm")
norm.adapt(train_df[num_cols].to_numpy(dtype="float32"))

def to_inputs(frame):
    d = {c: frame[c].astype(str).to_numpy() for c in cat_cols}
    d.update({c: frame[c].to_numpy(dtype="float32") for c in bucket_cols})
    d["numeric"] = frame[num_cols].to_numpy(dtype="float32")
    return d


inputs, encoded = {}, []
for c in cat_cols:
    inputs[c] = keras.Input(shape=(1,), dtype="string", name=c)
    encoded.append(lookups[c](inputs[c]))
for c in bucket_cols:
    inputs[c] = keras.Input(shape=(1,), dtype="float32", name=c)
    encoded.append(layers.CategoryEncoding(num_tokens=12, output_mode="one_hot")(buckets[c](inputs[c])))
inputs["numeric"] = keras.Input(shape=(len(num_cols),), dtype="float32", name="numeric")
encoded.append(norm(inputs["numeric"]))

x = layers.Concatenate()([layers.Flatten()(e) for e in encoded])
x = layers.Dense(64, activation="relu")(x)
x = layers.Dropout(0.3)(x)
x = layers.Dense(32, activation="relu")(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, out)
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])

pos_rate = train_df["install_failed"].mean()
model.fit(
    to_inputs(train_df), train_df["install_failed"].to_numpy(),
    epochs=15, batch_size=256, verbose=2,
    class_weight={0: 1.0, 1: float((1 - pos_rate) / pos_rate)},
)

p_test = model.predict(to_inputs(test_df), batch_size=1024).ravel()
y_test = test_df["install_failed"].to_numpy()
print(f"test ROC AUC: {roc_auc_score(y_test, p_test):.3f}")
print(f"test PR AUC:  {average_precision_score(y_test, p_test):.3f}")
print(test_df.assign(p=p_test).groupby("route_type")[["install_failed", "p"]].mean().round(3))
