# label: leakage/none
"""Koji room batches: estimate glucoamylase activity from rice and room settings."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

CONFIG = {
    "path": "data/koji_batches.csv",
    "target": "glucoamylase_u_g",
    "trim_cols": [
        "polish_ratio", "rice_moisture_pct", "spore_dose_g_per_kg",
        "room_temp_c", "room_rh_pct", "hours_in_room",
    ],
    "extra_cols": ["bed_depth_cm", "turnings", "variety_code", "month"],
    "cutoffs": [2.0, 2.5, 3.0, 3.5, 4.0, None],
    "seed": 17,
}
FEATURES = CONFIG["trim_cols"] + CONFIG["extra_cols"]


def load_batches(path):
    df = pd.read_csv(path, parse_dates=["start_date"])
    df = df.dropna(subset=[CONFIG["target"]])
    df["variety_code"] = df["rice_variety"].astype("category").cat.codes
    df["month"] = df["start_date"].dt.month
    df = df.dropna(subset=CONFIG["trim_cols"]).reset_index(drop=True)
    return df


def trim_outliers(frame, cutoff):
    """Drop batches with any setting more than `cutoff` std devs from the mean."""
    if cutoff is None:
        return frame
    cols = CONFIG["trim_cols"]
    z = (frame[cols] - frame[cols].mean()) / frame[cols].std(ddof=0)
    keep = (z.abs() <= cutoff).all(axis=1)
    return frame.loc[keep]


def fit_model(frame):
    model = GradientBoostingRegressor(
        n_estimators=400, learning_rate=0.03, max_depth=3,
        subsample=0.8, random_state=CONFIG["seed"],
    )
    model.fit(frame[FEATURES], frame[CONFIG["target"]])
    return model


batches = load_batches(CONFIG["path"])
print(batches.shape, batches["start_date"].min(), batches["start_date"].max())

train_df, test_df = train_test_split(batches, test_size=0.2, random_state=CONFIG["seed"])
fit_df, val_df = train_test_split(train_df, test_size=0.2, random_state=CONFIG["seed"])

results = {}
for cutoff in CONFIG["cutoffs"]:
    trimmed = trim_outliers(fit_df, cutoff)
    model = fit_model(trimmed)
    pred = model.predict(val_df[FEATURES])
    mae = mean_absolute_error(val_df[CONFIG["target"]], pred)
    results[cutoff] = {"mae": mae, "kept": len(trimmed)}
    print(f"cutoff={cutoff!s:>5}  kept={len(trimmed):5d}  MAE={mae:.2f}")

best_cutoff = min(results, key=lambda c: results[c]["mae"])
final_model = fit_model(trim_outliers(train_df, best_cutoff))
test_pred = final_model.predict(test_df[FEATURES])

print(f"chosen cutoff: {best_cutoff}")
print(f"test MAE: {mean_absolute_error(test_df[CONFIG['target']], test_pred):.2f} U/g")
print(f"test R2:  {r2_score(test_df[CONFIG['target']], test_pred):.3f}")

importances = pd.Series(final_model.feature_importances_, index=FEATURES).sort_values()
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].plot([str(c) for c in results], [r["mae"] for r in results.values()], marker="o")
axes[0].set_xlabel("z cutoff")
axes[0].set_ylabel("MAE (U/g)")
importances.plot.barh(ax=axes[1])
axes[1].set_title("feature importance")
fig.tight_layout()
fig.savefig("koji_cutoff.png", dpi=120)
