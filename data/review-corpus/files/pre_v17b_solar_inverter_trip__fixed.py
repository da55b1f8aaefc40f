# label: leakage/none
# twin: pre_v17b_solar_inverter_trip__leaky.py
# source: hand-written for ai-ci held-out v17 (Apache-2.0)
import math
from datetime import date

import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, confusion_matrix, roc_auc_score

NUM_COLS = [
    "dc_voltage_max_v",
    "ac_freq_dev_max_hz",
    "grid_voltage_std_v",
    "heatsink_temp_max_c",
    "insulation_res_min_kohm",
    "irradiance_peak_wm2",
    "reactive_power_mean_kvar",
    "fan_runtime_h",
]
CUTOFF = date(2024, 4, 1)

days = (
    pl.read_csv("data/inverter_daily_telemetry.csv", try_parse_dates=True)
    .filter(pl.col("site").is_in(["north_array", "east_array", "carport"]))
    .filter(pl.col("uptime_h") >= 6)
    .drop_nulls(NUM_COLS + ["trip_next_day"])
    .with_columns(
        (2 * math.pi * pl.col("date").dt.ordinal_day() / 365.25).sin().alias("doy_sin"),
        (2 * math.pi * pl.col("date").dt.ordinal_day() / 365.25).cos().alias("doy_cos"),
        pl.col("trip_next_day").cast(pl.Int8),
    )
    .sort(["date", "inverter_id"])
)
print(days.group_by("inverter_id").agg(pl.len(), pl.col("trip_next_day").sum()).sort("inverter_id"))

train = days.filter(pl.col("date") < CUTOFF)
test = days.filter(pl.col("date") >= CUTOFF)

bounds = train.select(
    [pl.col(c).min().alias(f"{c}__lo") for c in NUM_COLS]
    + [pl.col(c).max().alias(f"{c}__hi") for c in NUM_COLS]
).row(0, named=True)


def scale(frame, b):
    return frame.with_columns(
        [((pl.col(c) - b[f"{c}__lo"]) / (b[f"{c}__hi"] - b[f"{c}__lo"])).alias(c) for c in NUM_COLS]
    )


train = scale(train, bounds)
test = scale(test, bounds)

FEATS = NUM_COLS + ["doy_sin", "doy_cos"]
X_train, y_train = train.select(FEATS).to_numpy(), train["trip_next_day"].to_numpy()
X_test, y_test = test.select(FEATS).to_numpy(), test["trip_next_day"].to_numpy()
print(f"train days {len(y_train)} (trips {y_train.mean():.2%}), test days {len(y_test)}")

clf = LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000)
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
print(f"AUC   {roc_auc_score(y_test, p):.3f}")
print(f"Brier {brier_score_loss(y_test, p):.4f}")
tn, fp, fn, tp = confusion_matrix(y_test, (p >= 0.5).astype(int)).ravel()
print(f"site visits flagged {tp + fp}, trips caught {tp}/{tp + fn}, false alarms {fp}")

coefs = dict(zip(FEATS, np.round(clf.coef_[0], 3)))
for k, v in sorted(coefs.items(), key=lambda kv: -abs(kv[1])):
    print(f"{k:>24s} {v:+.3f}")
