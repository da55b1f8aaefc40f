# label: leakage/none
"""Will the first ambulance arrive later than the 8-minute standard?

Incident log from the dispatch system; one row per priority-1/2 call.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss
from sklearn.calibration import CalibrationDisplay

CONFIG = {
    "incidents": "data/ems_incidents_2021_2023.csv",
    "standard_min": 8.0,
    "test_share": 0.2,
    "smoothing": 50,
}
BASE_FEATURES = ["priority", "distance_km", "units_available", "hour", "dow",
                 "is_night", "rain_mm", "snow_cm", "station_calls_prev_1h"]


def smoothed_rate(frame, key, target, weight):
    prior = frame[target].mean()
    stats = frame.groupby(key)[target].agg(["sum", "count"])
    return (stats["sum"] + weight * prior) / (stats["count"] + weight), prior


def prepare(df):
    df = df.copy()
    df["call_time"] = pd.to_datetime(df["call_time"])
    df["hour"] = df["call_time"].dt.hour
    df["dow"] = df["call_time"].dt.dayofweek
    df["is_night"] = df["hour"].isin([22, 23, 0, 1, 2, 3, 4, 5]).astype(int)
    df["late"] = (df["response_min"] > CONFIG["standard_min"]).astype(int)
    return df.sort_values("call_time").reset_index(drop=True)


df = prepare(pd.read_csv(CONFIG["incidents"]))
print(f"{len(df)} incidents, late share {df['late'].mean():.3f}, "
      f"{df['grid_cell'].nunique()} grid cells")

cut = int(len(df) * (1 - CONFIG["test_share"]))
train, test = df.iloc[:cut].copy(), df.iloc[cut:].copy()
print("train until", train["call_time"].max(), "| test from", test["call_time"].min())

for key in ["grid_cell", "station_id"]:
    rates, prior = smoothed_rate(train, key, "late", CONFIG["smoothing"])
    train[f"{key}_late_rate"] = train[key].map(rates).fillna(prior)
    test[f"{key}_late_rate"] = test[key].map(rates).fillna(prior)

FEATURES = BASE_FEATURES + ["grid_cell_late_rate", "station_id_late_rate"]

clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, max_leaf_nodes=31,
                                     l2_regularization=1.0, random_state=0)
clf.fit(train[FEATURES], train["late"])

p = clf.predict_proba(test[FEATURES])[:, 1]
print(f"test ROC AUC : {roc_auc_score(test['late'], p):.4f}")
print(f"test PR AUC  : {average_precision_score(test['late'], p):.4f}")
print(f"test Brier   : {brier_score_loss(test['late'], p):.4f}")

fig, ax = plt.subplots(1, 2, figsize=(11, 4))
CalibrationDisplay.from_predictions(test["late"], p, n_bins=15, ax=ax[0])
test.assign(p=p).groupby("hour")[["late", "p"]].mean().plot(ax=ax[1], marker="o")
ax[1].set_ylabel("late share")
plt.tight_layout()
plt.savefig("ems_late_model.png", dpi=110)
