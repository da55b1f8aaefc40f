# label: leakage/none
"""Tool-steel pieces from the forge: predict which ones miss the Rockwell spec
at final inspection, so the heat-treat schedule can be adjusted up front."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from xgboost import XGBClassifier
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

PATHS = {
    "jobs": "data/forge_jobs.csv",
    "heats": "data/furnace_heats.csv",
    "shop_times": "data/shop_times.csv",
}
STEEL_GRADES = ["O1", "A2", "D2", "W2", "1095", "5160", "S7"]


def load_jobs(paths):
    jobs = pd.read_csv(paths["jobs"], parse_dates=["started_at"])
    heats = pd.read_csv(paths["heats"])
    times = pd.read_csv(paths["shop_times"])

    jobs = jobs.merge(heats, on="heat_id", how="left")
    jobs = jobs.merge(times[["job_id", "forge_minutes", "quench_minutes"]],
                      on="job_id", how="left")
    jobs["hardness_fail"] = (~jobs["hrc_measured"].between(jobs["hrc_min"], jobs["hrc_max"])).astype(int)
    return jobs


def build_features(jobs):
    feats = pd.DataFrame(index=jobs.index)
    for grade in STEEL_GRADES:
        feats[f"grade_{grade}"] = (jobs["steel_grade"] == grade).astype(int)
    feats["section_mm"] = jobs["section_mm"]
    feats["mass_kg"] = jobs["mass_kg"]
    feats["austenitize_c"] = jobs["austenitize_c"]
    feats["soak_minutes"] = jobs["soak_minutes"]
    feats["quench_medium_oil"] = (jobs["quench_medium"] == "oil").astype(int)
    feats["quench_temp_c"] = jobs["quench_temp_c"]
    feats["temper_c"] = jobs["temper_c"]
    feats["temper_cycles"] = jobs["temper_cycles"]
    feats["furnace_load_kg"] = jobs["furnace_load_kg"]
    feats["shift_night"] = (jobs["started_at"].dt.hour >= 20).astype(int)
    feats["smith_years"] = jobs["smith_years"]
    for col in ["forge_minutes", "quench_minutes"]:
        feats[col] = jobs[col].fillna(0)
    return feats


jobs = load_jobs(PATHS)
X = build_features(jobs)
y = jobs["hardness_fail"]
print(f"{len(jobs)} pieces, fail rate {y.mean():.3f}")

model = XGBClassifier(
    n_estimators=500,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.85,
    colsample_bytree=0.8,
    scale_pos_weight=float((y == 0).sum() / max((y == 1).sum(), 1)),
    eval_metric="logloss",
    random_state=4,
)
# pieces from the same furnace heat stay in the same fold
cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=4)
oof = cross_val_predict(model, X, y, cv=cv, groups=jobs["heat_id"], method="predict_proba")[:, 1]

print(f"out-of-fold ROC AUC {roc_auc_score(y, oof):.3f}")
print(f"out-of-fold PR AUC  {average_precision_score(y, oof):.3f}")

precision, recall, _ = precision_recall_curve(y, oof)
by_grade = pd.DataFrame({"grade": jobs["steel_grade"], "y": y, "p": oof}).groupby("grade")
print(by_grade.agg(n=("y", "size"), fail_rate=("y", "mean"), mean_p=("p", "mean")).round(3))

model.fit(X, y)
imp = pd.Series(model.feature_importances_, index=X.columns).sort_values(ascending=False)
print(imp.head(10).round(3))

fig, ax = plt.subplots(figsize=(5, 4))
ax.plot(recall, precision)
ax.set_xlabel("recall"); ax.set_ylabel("precision"); ax.set_title("Hardness miss, OOF")
fig.savefig("figures/hardness_pr.png", dpi=110)
