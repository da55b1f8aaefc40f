# label: leakage/none
"""Screening children for dyslexia from eye movements during silent reading.

Each child (age 8-11) read up to 40 short passages on a Tobii Pro Spectrum.
Per-passage features come from the fixation/saccade export; the outcome is the
child's assessment outcome from the educational psychologist.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

tf.random.set_seed(21)

TRIAL_FEATURES = [
    "mean_fix_dur_ms", "median_fix_dur_ms", "fix_per_word", "regression_rate",
    "mean_saccade_amp_deg", "progressive_saccade_share", "first_pass_skip_rate",
    "refixation_rate", "return_sweep_undershoot", "reading_speed_wpm",
    "passage_words", "passage_lix", "font_size_pt",
]


def load_trials():
    metrics = pd.read_csv("export/trial_metrics.csv")
    kids = pd.read_csv("export/participants.csv")
    metrics = metrics[(metrics["tracking_loss_pct"] < 25) & (metrics["calibration_err_deg"] < 1.0)]
    df = metrics.merge(kids[["child_id", "age_months", "school_year", "dyslexia"]],
                       on="child_id", how="inner")
    df["reading_speed_wpm"] = df["reading_speed_wpm"].clip(upper=400)
    return df


trials = load_trials()
cols = TRIAL_FEATURES + ["age_months"]
print(trials.groupby("dyslexia")["child_id"].nunique())

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=4)
train_idx, test_idx = next(splitter.split(trials, groups=trials["child_id"]))
train, test = trials.iloc[train_idx], trials.iloc[test_idx]

scaler = StandardScaler().fit(train[cols])
X_tr = scaler.transform(train[cols]).astype("float32")
X_te = scaler.transform(test[cols]).astype("float32")
y_tr = train["dyslexia"].to_numpy("float32")
y_te = test["dyslexia"].to_numpy("float32")

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(len(cols),)),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dropout(0.2),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc")])
model.fit(X_tr, y_tr, epochs=40, batch_size=64, verbose=2)

p_trial = model.predict(X_te, verbose=0).ravel()
print(f"per-passage AUC {roc_auc_score(y_te, p_trial):.3f}")

per_child = (test.assign(p=p_trial)
             .groupby("child_id")
             .agg(p=("p", "mean"), dyslexia=("dyslexia", "first")))
print(f"per-child AUC   {roc_auc_score(per_child['dyslexia'], per_child['p']):.3f}")
flagged = per_child["p"] >= 0.5
sens = (flagged & (per_child["dyslexia"] == 1)).sum() / (per_child["dyslexia"] == 1).sum()
spec = (~flagged & (per_child["dyslexia"] == 0)).sum() / (per_child["dyslexia"] == 0).sum()
print(f"sensitivity {sens:.2f}  specificity {spec:.2f}  (n={len(per_child)} children)")
