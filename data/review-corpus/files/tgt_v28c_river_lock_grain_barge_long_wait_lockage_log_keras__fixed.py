# label: leakage/none
# Inland waterway: flag grain tows that will wait more than 3 hours at a lock,
# scored when the tow reports arrival at the lock approach point.
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import OneHotEncoder

tf.keras.utils.set_random_seed(17)
LONG_WAIT_H = 3.0
CUTOFF = pd.Timestamp("2024-05-01")

tows = pd.read_parquet("lmr/tow_arrivals.parquet")
cycles = pd.read_csv("lmr/lockage_log.csv", parse_dates=["cycle_start"])
gauges = pd.read_csv("lmr/river_gauges_hourly.csv", parse_dates=["hour"])

tows = tows[tows["commodity_group"] == "grain"].dropna(subset=["entry_at"])
tows["wait_h"] = (tows["entry_at"] - tows["arrival_at"]).dt.total_seconds() / 3600
tows["long_wait"] = (tows["wait_h"] > LONG_WAIT_H).astype(int)

# last complete gauge hour before the arrival report
tows["hour"] = tows["arrival_at"].dt.floor("h") - pd.Timedelta(hours=1)
tows = tows.merge(gauges, on=["lock_id", "hour"], how="left")


def cycles_between(lock_ids, t0, t1):
    """Number of lock cycles started in [t0, t1) at each tow's lock."""
    out = np.zeros(len(lock_ids), dtype=float)
    for lock, grp in cycles.groupby("lock_id"):
        starts = np.sort(grp["cycle_start"].to_numpy())
        m = lock_ids == lock
        out[m] = np.searchsorted(starts, t1[m]) - np.searchsorted(starts, t0[m])
    return out


lock_ids = tows["lock_id"].to_numpy()
tows["lockages_prev_2h"] = cycles_between(
    lock_ids, (tows["arrival_at"] - pd.Timedelta(hours=2)).to_numpy(), tows["arrival_at"].to_numpy()
)
tows["hour_of_day"] = tows["arrival_at"].dt.hour
tows["sin_h"] = np.sin(2 * np.pi * tows["hour_of_day"] / 24)
tows["cos_h"] = np.cos(2 * np.pi * tows["hour_of_day"] / 24)

NUM = ["n_barges", "tow_length_m", "max_draft_m", "queue_len_at_arrival",
       "stage_m", "flow_cms", "sin_h", "cos_h", "lockages_prev_2h"]
CAT = ["lock_id", "direction", "chamber_main_open"]

tows = tows.dropna(subset=NUM).sort_values("arrival_at")
train = tows[tows["arrival_at"] < CUTOFF]
test = tows[tows["arrival_at"] >= CUTOFF]

ohe = OneHotEncoder(handle_unknown="ignore", sparse_output=False).fit(train[CAT])
X_tr = np.hstack([train[NUM].to_numpy("float32"), ohe.transform(train[CAT])]).astype("float32")
X_te = np.hstack([test[NUM].to_numpy("float32"), ohe.transform(test[CAT])]).astype("float32")
y_tr, y_te = train["long_wait"].to_numpy(), test["long_wait"].to_numpy()

norm = tf.keras.layers.Normalization()
norm.adapt(X_tr)

model = tf.keras.Sequential([
    tf.keras.Input(shape=(X_tr.shape[1],)),
    norm,
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc")])

pos_w = (1 - y_tr.mean()) / y_tr.mean()
model.fit(
    X_tr, y_tr,
    validation_split=0.15,
    epochs=80,
    batch_size=256,
    class_weight={0: 1.0, 1: float(pos_w)},
    callbacks=[tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=8,
                                                restore_best_weights=True)],
    verbose=2,
)

p = model.predict(X_te, verbose=0).ravel()
print(f"long waits in test: {y_te.mean():.1%} of {len(y_te)} tows")
print(f"ROC AUC {roc_auc_score(y_te, p):.3f}   PR AUC {average_precision_score(y_te, p):.3f}")
for lock, grp in test.assign(p=p).groupby("lock_id"):
    if grp["long_wait"].nunique() == 2:
        print(f"  {lock:12s} AUC {roc_auc_score(grp['long_wait'], grp['p']):.3f}  n={len(grp)}")
