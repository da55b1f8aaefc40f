# label: leakage/none
# twin: tgt_r13_defect_density_ratio__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Regress final-test die yield (%) per wafer from process and inspection records."""
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GroupShuffleSplit

WAFER_AREA_CM2 = 706.9  # 300 mm wafer
FEATURES = ["defect_density", "overlay_max_nm", "etch_rate_dev", "cd_mean_nm",
            "cd_range_nm", "film_thickness_nm", "chamber_h_since_pm", "queue_time_h"]

wafers = (
    pd.read_csv("data/wafer_records.csv", parse_dates=["process_end"])
    .loc[lambda d: d["total_dies"] > 0]
    .assign(
        yield_pct=lambda d: 100.0 * d["good_dies"] / d["total_dies"],
        # inline optical inspection count, taken before electrical test
        defect_density=lambda d: d["inline_defect_count"] / WAFER_AREA_CM2,
        overlay_max_nm=lambda d: d[["overlay_x_nm", "overlay_y_nm"]].abs().max(axis=1),
        etch_rate_dev=lambda d: d["etch_rate"] - d["etch_rate_target"],
    )
    .loc[:, ["lot_id", "wafer_id", "yield_pct", *FEATURES]]
    .dropna()
    .reset_index(drop=True)
)

# wafers of one lot share a process history, so whole lots go to one side
gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=17)
train_idx, test_idx = next(gss.split(wafers, groups=wafers["lot_id"]))
train, test = wafers.loc[train_idx], wafers.loc[test_idx]

forest = RandomForestRegressor(n_estimators=400, min_samples_leaf=3, n_jobs=-1, random_state=17)
forest.fit(train[FEATURES], train["yield_pct"])
pred = forest.predict(test[FEATURES])

print(f"test wafers {len(test)} from {test['lot_id'].nunique()} lots")
print(f"test MAE: {mean_absolute_error(test['yield_pct'], pred):.2f} yield points")
ranked = sorted(zip(forest.feature_importances_, FEATURES), reverse=True)
for imp, name in ranked[:5]:
    print(f"  {name:<18} {imp:.3f}")
