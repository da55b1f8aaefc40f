# label: leakage/none
# twin: ovl_r13b_lang_retention_tfdata__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Language-learning app retention: is a new learner still active on day 30?

One row per learner, features from the first seven days after sign-up.
"""
import numpy as np
import pandas as pd
import tensorflow as tf

COUNT_COLS = ["lessons_wk1", "minutes_wk1", "xp_wk1", "hearts_lost_wk1", "friends_followed"]
OTHER_COLS = ["streak_max_wk1", "notif_opt_in", "daily_goal_min", "n_courses",
              "placement_score", "is_paid_trial", "device_ios"]
BATCH = 512

learners = pd.read_csv("data/learners_week1.csv").drop_duplicates(subset="learner_id")
for col in COUNT_COLS:
    learners[col] = np.log1p(learners[col].clip(lower=0))  # per-row transform
X = learners[COUNT_COLS + OTHER_COLS].astype("float32").to_numpy()
y = learners["active_day30"].astype("float32").to_numpy()

n_test = int(0.2 * len(X))
# shuffle once: the take/skip split must be identical on every pass over the data
ds = tf.data.Dataset.from_tensor_slices((X, y)).shuffle(
    len(X), seed=4, reshuffle_each_iteration=False
)
test_ds = ds.take(n_test).batch(BATCH)
train_ds = ds.skip(n_test).shuffle(8192, seed=5).batch(BATCH).prefetch(tf.data.AUTOTUNE)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(X.shape[1],)),
    tf.keras.layers.BatchNormalization(),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(
    optimizer=tf.keras.optimizers.Adam(1e-3),
    loss="binary_crossentropy",
    metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.BinaryAccuracy(name="acc")],
)
model.fit(train_ds, epochs=15, verbose=2)

loss, auc, acc = model.evaluate(test_ds, verbose=0)
print(f"held-out learners: {n_test}")
print(f"AUC={auc:.3f}  accuracy={acc:.3f}  log-loss={loss:.3f}")
