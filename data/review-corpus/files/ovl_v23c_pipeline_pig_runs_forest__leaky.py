# label: leakage/overlap
"""Predict which pipeline girth-weld joints a dig will confirm as needing repair, from in-line inspection runs."""
import numpy as np
import polars as pl
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

runs = pl.read_parquet("data/ili_tool_runs.parquet")          # one row per joint per pig run
joints = pl.read_csv("data/pipeline_joints.csv")
digs = pl.read_csv("data/dig_verifications.csv", try_parse_dates=True)

frame = (
    runs.join(joints, on="joint_id", how="inner")
    .join(digs.select(["joint_id", "dig_date", "repair_required"]), on="joint_id", how="inner")
    # only use runs that happened before the excavation
    .filter(pl.col("run_date") < pl.col("dig_date"))
    .with_columns(
        (pl.col("max_depth_pct") * pl.col("wall_thickness_mm") / 100).alias("depth_mm"),
        (pl.col("metal_loss_length_mm") / pl.col("metal_loss_width_mm").clip(lower_bound=1)).alias("aspect"),
        (pl.col("orientation_clock") * 30).alias("orientation_deg"),
        (pl.col("coating_type") == "coal_tar").cast(pl.Int8).alias("coal_tar"),
        (pl.col("tool_vendor") == "mfl_hr").cast(pl.Int8).alias("hi_res_tool"),
    )
    .drop_nulls(["max_depth_pct", "wall_thickness_mm", "cp_potential_mv"])
)

FEATURES = [
    "max_depth_pct", "depth_mm", "metal_loss_length_mm", "aspect", "orientation_deg",
    "wall_thickness_mm", "cp_potential_mv", "soil_resistivity_ohm_m", "pipe_age_years",
    "coal_tar", "hi_res_tool", "tool_speed_ms",
]
X = frame.select(FEATURES).fill_null(-1).to_numpy()
y = frame["repair_required"].to_numpy().astype(int)
print(f"{frame.height} run rows covering {frame['joint_id'].n_unique()} joints, repair rate {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=21
)

forest = RandomForestClassifier(n_estimators=500, min_samples_leaf=3, class_weight="balanced",
                                n_jobs=-1, random_state=21)
forest.fit(X_train, y_train)
proba = forest.predict_proba(X_test)[:, 1]

print(f"ROC AUC {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC  {average_precision_score(y_test, proba):.3f}")
order = np.argsort(forest.feature_importances_)[::-1]
for i in order[:6]:
    print(f"  {FEATURES[i]:24s} {forest.feature_importances_[i]:.3f}")
