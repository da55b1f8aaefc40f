# label: leakage/none
# twin: tgt_ad_click_conversion_value_keras__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import numpy as np
import pandas as pd
import tensorflow as tf

NUMERIC = ["hour", "ad_position", "bid_cpm", "user_ctr_prev_7d", "creative_age_days"]
DEVICES = ["desktop", "mobile", "tablet", "ctv"]

logs = pd.read_parquet("logs/impressions_2024-09.parquet")
logs["device_idx"] = logs["device"].map({d: i for i, d in enumerate(DEVICES)}).fillna(0).astype(int)

train = logs[logs["event_date"] < "2024-09-25"]
test = logs[logs["event_date"] >= "2024-09-25"]


def to_inputs(frame):
    return {"numeric": frame[NUMERIC].to_numpy("float32"),
            "device": frame["device_idx"].to_numpy("int32")}


norm = tf.keras.layers.Normalization()
norm.adapt(train[NUMERIC].to_numpy("float32"))

num_in = tf.keras.Input(shape=(len(NUMERIC),), name="numeric")
dev_in = tf.keras.Input(shape=(), dtype="int32", name="device")
dev_emb = tf.keras.layers.Flatten()(tf.keras.layers.Embedding(len(DEVICES), 4)(dev_in))
h = tf.keras.layers.Concatenate()([norm(num_in), dev_emb])
h = tf.keras.layers.Dense(64, activation="relu")(h)
h = tf.keras.layers.Dense(32, activation="relu")(h)
out = tf.keras.layers.Dense(1, activation="sigmoid")(h)
model = tf.keras.Model([num_in, dev_in], out)
model.compile(optimizer="adam", loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc")])

tf.keras.utils.set_random_seed(123)
model.fit(to_inputs(train), train["is_click"].to_numpy(), epochs=5, batch_size=2048,
          class_weight={0: 1.0, 1: 15.0})
_, test_auc = model.evaluate(to_inputs(test), test["is_click"].to_numpy(), batch_size=8192, verbose=0)
print(f"CTR model AUC on the last week: {test_auc:.4f}")
