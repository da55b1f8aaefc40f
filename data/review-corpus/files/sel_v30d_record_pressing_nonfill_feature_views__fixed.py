# label: leakage/none
"""Non-fill / stitching rejects on the 12" press line.

One row per pressing cycle, joined to the visual QC result. We try a few views of
the cycle telemetry and keep the one that ranks rejected pressings best.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

TARGET = "reject_nonfill"

cycles = pd.read_parquet("data/press_line_cycles_2023.parquet")
qc = pd.read_csv("data/qc_visual_inspection.csv", usecols=["cycle_id", TARGET])
df = cycles.merge(qc, on="cycle_id", how="inner")
df["cycle_start"] = pd.to_datetime(df["cycle_start"])
df = df.sort_values("cycle_start").reset_index(drop=True)

# stampers wear out, so give the models the cycle count on the current stamper
df["stamper_age_cycles"] = df.groupby("stamper_id").cumcount()
df["steam_delta_top_bottom"] = df["steam_temp_top_max"] - df["steam_temp_bottom_max"]

thermal = [
    "steam_temp_top_max", "steam_temp_bottom_max", "steam_delta_top_bottom",
    "steam_dwell_s", "cool_temp_min", "cool_dwell_s", "mould_temp_at_close",
]
hydraulic = [
    "ram_pressure_peak", "ram_pressure_rise_s", "hold_pressure_mean",
    "pressure_band_0_1s", "pressure_band_1_2s", "pressure_band_2_4s",
]
puck = [
    "puck_weight_g", "extruder_barrel_temp", "extruder_screw_rpm",
    "compound_batch_age_d", "regrind_pct",
]
context = ["stamper_age_cycles", "ambient_humidity", "ambient_temp"]

views = {
    "thermal": thermal + context,
    "thermal_hydraulic": thermal + hydraulic + context,
    "puck": puck + context,
    "thermal_puck": thermal + puck + context,
    "everything": thermal + hydraulic + puck + context,
}

# Jan-Sep for fitting, Q4 is what we show the plant manager
cutoff = pd.Timestamp("2023-10-01")
train = df[df["cycle_start"] < cutoff]
test = df[df["cycle_start"] >= cutoff]
print(f"train cycles: {len(train):,}  reject rate {train[TARGET].mean():.3%}")
print(f"test cycles:  {len(test):,}  reject rate {test[TARGET].mean():.3%}")


def make_model():
    return HistGradientBoostingClassifier(
        learning_rate=0.05,
        max_iter=400,
        max_leaf_nodes=31,
        min_samples_leaf=40,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    )


scores = {}
folds = TimeSeriesSplit(n_splits=4)
for name, cols in views.items():
    cv_ap = cross_val_score(make_model(), train[cols], train[TARGET],
                            cv=folds, scoring="average_precision")
    scores[name] = cv_ap.mean()
    print(f"{name:<18} AP={cv_ap.mean():.3f} (+/- {cv_ap.std():.3f})")

best_view = max(scores, key=scores.get)
cols = views[best_view]
model = make_model().fit(train[cols], train[TARGET])
proba = model.predict_proba(test[cols])[:, 1]

# how many rejects would we catch if QC pulled the top 2% of cycles for a second look
k = int(np.ceil(0.02 * len(test)))
top_idx = np.argsort(-proba)[:k]
caught = test[TARGET].to_numpy()[top_idx].sum()

print("\nview used for the line:", best_view)
print(f"Q4 average precision: {average_precision_score(test[TARGET], proba):.3f}")
print(f"Q4 ROC AUC:           {roc_auc_score(test[TARGET], proba):.3f}")
print(f"rejects in top 2%:    {caught} / {int(test[TARGET].sum())}")
