# label: leakage/preprocessing
# Dry-pasta plant, four extrusion lines. Predict whether a production batch is rejected
# at the post-dryer QC station (checking, cracks, white spots) from the process historian
# summaries, so the shift lead can adjust the dryer profile while the batch is still in it.
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score, average_precision_score, confusion_matrix

CONFIG = {
    "batches": "historian/batch_summary.csv",
    "flour": "lab/semolina_lots.csv",
    "split_date": "2024-04-01",
    "threshold": 0.3,
}
SENSORS = [
    "die_temp_c", "barrel_temp_c", "extrusion_pressure_bar", "vacuum_mbar",
    "screw_speed_rpm", "water_dosing_lph", "dough_moisture_pct",
    "predryer_rh_pct", "dryer_zone1_temp_c", "dryer_zone2_temp_c",
    "dryer_zone3_rh_pct", "dryer_dwell_min",
]
FLOUR = ["protein_pct", "gluten_index", "ash_pct", "falling_number_s"]
SHAPES = ["spaghetti", "penne", "fusilli", "rigatoni", "farfalle"]


def load(config):
    b = pd.read_csv(config["batches"], parse_dates=["start_time"])
    f = pd.read_csv(config["flour"])
    df = b.merge(f, on="semolina_lot", how="left")
    for shape in SHAPES:
        df[f"shape_{shape}"] = (df["shape"] == shape).astype(int)
    df["hour"] = df["start_time"].dt.hour
    return df.sort_values("start_time").reset_index(drop=True)


def line_medians(df, cols):
    return df.groupby("line_id")[cols].median()


def fill_sensor_gaps(df, cols, medians):
    out = df.copy()
    lookup = medians.reindex(out["line_id"]).set_axis(out.index)
    out[cols] = out[cols].fillna(lookup)
    return out


def report(name, y, p, thr):
    tn, fp, fn, tp = confusion_matrix(y, (p >= thr).astype(int)).ravel()
    print(f"{name:<8} AUC {roc_auc_score(y, p):.3f}  AP {average_precision_score(y, p):.3f}  "
          f"caught {tp}/{tp + fn} rejects, {fp} false holds")


data = load(CONFIG)
medians = line_medians(data, SENSORS + FLOUR)
data = fill_sensor_gaps(data, SENSORS + FLOUR, medians)
features = SENSORS + FLOUR + [f"shape_{s}" for s in SHAPES] + ["hour"]

cut = pd.Timestamp(CONFIG["split_date"])
train = data[data["start_time"] < cut]
test = data[data["start_time"] >= cut]
print(f"batches train={len(train)} test={len(test)}  reject rate {train['rejected'].mean():.3f}")

rf = RandomForestClassifier(
    n_estimators=500,
    min_samples_leaf=5,
    class_weight="balanced_subsample",
    n_jobs=-1,
    random_state=17,
)
rf.fit(train[features], train["rejected"])
p_test = rf.predict_proba(test[features])[:, 1]
report("forest", test["rejected"], p_test, CONFIG["threshold"])

by_line = test.assign(p=p_test).groupby("line_id").agg(batches=("rejected", "size"),
                                                       reject_rate=("rejected", "mean"),
                                                       mean_score=("p", "mean"))
print(by_line.round(3))

imp = pd.Series(rf.feature_importances_, index=features).sort_values()
imp.tail(12).plot.barh(figsize=(6, 4))
plt.xlabel("impurity importance")
plt.tight_layout()
plt.savefig("reject_drivers.png")

weekly = test.assign(p=p_test).set_index("start_time").resample("W")[["rejected", "p"]].mean()
print(weekly.round(3).head(12))
