# label: leakage/none
# Set-yoghurt line: predict whether a batch will be rejected at day-1 QC
# (syneresis / weak gel) from in-tank readings taken during the first 3 hours.
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

readings = pd.read_csv("plant_exports/fermentation_readings.csv")
batches = pd.read_csv("plant_exports/batch_sheet.csv")
qc = pd.read_csv("plant_exports/day1_qc.csv")[["batch_id", "rejected"]]

readings = readings[readings["minutes_since_inoculation"] <= 180]
readings = readings.sort_values(["batch_id", "minutes_since_inoculation"])

# acidification speed between consecutive probe readings
grp = readings.groupby("batch_id")
readings["ph_drop_per_10min"] = -grp["ph"].diff() / grp["minutes_since_inoculation"].diff() * 10
readings["temp_dev"] = readings["tank_temp_c"] - readings["setpoint_c"]
readings["ph_drop_so_far"] = grp["ph"].transform("first") - readings["ph"]

readings = readings.merge(batches, on="batch_id", how="left").merge(qc, on="batch_id", how="inner")
print(readings["batch_id"].nunique(), "batches,", len(readings), "readings")

CAT_COLS = ["line", "culture_lot", "milk_supplier", "recipe"]
NUM_COLS = [
    "minutes_since_inoculation", "ph", "ph_drop_per_10min", "ph_drop_so_far",
    "tank_temp_c", "temp_dev", "milk_protein_pct", "milk_fat_pct",
    "added_smp_kg", "inoculation_rate_pct", "homogeniser_bar",
]
for col in CAT_COLS:
    readings[col] = readings[col].fillna("unknown").astype(str)

X = readings[NUM_COLS + CAT_COLS]
y = readings["rejected"].astype(int)

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
train_idx, test_idx = next(splitter.split(X, y, groups=readings["batch_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

model = CatBoostClassifier(
    iterations=800,
    depth=6,
    learning_rate=0.05,
    l2_leaf_reg=5,
    auto_class_weights="Balanced",
    random_seed=3,
    verbose=200,
)
model.fit(X_train, y_train, cat_features=CAT_COLS)

proba = model.predict_proba(X_test)[:, 1]
print(f"reading-level AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"reading-level AP:  {average_precision_score(y_test, proba):.3f}")

# batch decision = mean score over its readings
scored = readings.iloc[test_idx][["batch_id", "rejected"]].assign(score=proba)
per_batch = scored.groupby("batch_id").agg(rejected=("rejected", "max"), score=("score", "mean"))
print(f"batch-level AUC:   {roc_auc_score(per_batch['rejected'], per_batch['score']):.3f}")

for thr in (0.3, 0.5, 0.7):
    flagged = per_batch["score"] >= thr
    hold_rate = flagged.mean()
    caught = (flagged & per_batch["rejected"].astype(bool)).sum() / max(per_batch["rejected"].sum(), 1)
    print(f"thr {thr:.1f}: hold {hold_rate:.1%} of batches, catch {caught:.1%} of rejects")

imp = pd.Series(model.get_feature_importance(), index=X.columns).sort_values(ascending=False)
print(imp.head(10).round(2))
