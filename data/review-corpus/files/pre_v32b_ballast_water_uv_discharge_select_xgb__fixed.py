# label: leakage/none
"""Predict whether a ballast water discharge will exceed the D-2 organism limit,
from the UV treatment system's logged operating data for the uptake and the voyage.
"""
import polars as pl
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.model_selection import StratifiedGroupKFold, cross_validate
from sklearn.pipeline import Pipeline
from xgboost import XGBClassifier

SOURCES = {
    "discharges": "data/port_state_samples.parquet",
    "uptakes": "data/bwts_uptake_logs.parquet",
    "voyages": "data/voyage_legs.parquet",
}
N_KEEP = 12
SEED = 13


def load_frame(sources):
    discharges = pl.read_parquet(sources["discharges"])
    uptakes = pl.read_parquet(sources["uptakes"])
    voyages = pl.read_parquet(sources["voyages"])

    uptake_stats = uptakes.group_by("uptake_id").agg(
        pl.col("uv_intensity_w_m2").mean().alias("uv_mean"),
        pl.col("uv_intensity_w_m2").min().alias("uv_min"),
        pl.col("uv_intensity_w_m2").quantile(0.05).alias("uv_p05"),
        pl.col("flow_m3_h").mean().alias("flow_mean"),
        pl.col("flow_m3_h").max().alias("flow_max"),
        pl.col("filter_dp_bar").max().alias("filter_dp_max"),
        pl.col("backflush_count").sum().alias("backflushes"),
        pl.col("lamp_hours").max().alias("lamp_hours"),
        pl.col("uvt_pct").mean().alias("uvt_mean"),
        pl.col("uvt_pct").min().alias("uvt_min"),
        pl.col("water_temp_c").mean().alias("uptake_temp"),
        pl.col("salinity_psu").mean().alias("uptake_salinity"),
        pl.len().alias("log_rows"),
    )
    frame = (
        discharges.join(uptake_stats, on="uptake_id", how="left")
        .join(voyages, on="voyage_id", how="left")
        .with_columns(
            (pl.col("uv_mean") / pl.col("flow_mean")).alias("dose_proxy"),
            (pl.col("tank_holding_days") * pl.col("mean_tank_temp_c")).alias("degree_days"),
            pl.col("uptake_lat").abs().alias("uptake_abs_lat"),
            pl.col("sampled_on").dt.month().alias("sample_month"),
        )
    )
    return frame


frame = load_frame(SOURCES)
uptake_cols = ["uv_mean", "uv_min", "uv_p05", "flow_mean", "flow_max", "filter_dp_max",
               "backflushes", "lamp_hours", "uvt_mean", "uvt_min", "uptake_temp",
               "uptake_salinity", "log_rows", "dose_proxy"]
voyage_cols = ["tank_holding_days", "mean_tank_temp_c", "degree_days", "tank_capacity_m3",
               "tanks_used", "uptake_abs_lat", "uptake_depth_m", "sea_state_at_uptake",
               "river_port_uptake", "vessel_age_years", "bwts_model_year", "sample_month"]
feature_names = uptake_cols + voyage_cols

frame = frame.drop_nulls(subset=feature_names)
X = frame.select(feature_names).to_numpy()
y = frame["exceeds_d2"].cast(pl.Int8).to_numpy()
ships = frame["ship_imo"].to_numpy()
print(f"{X.shape[0]} samples from {len(set(ships))} ships, {X.shape[1]} candidate features")

selector = SelectKBest(lambda a, b: mutual_info_classif(a, b, random_state=SEED), k=N_KEEP)
model = Pipeline([
    ("select", selector),
    ("xgb", XGBClassifier(
        n_estimators=350, max_depth=4, learning_rate=0.05, subsample=0.8,
        colsample_bytree=0.8, reg_lambda=2.0, eval_metric="logloss", random_state=SEED,
    )),
])
cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
scores = cross_validate(model, X, y, groups=ships, cv=cv,
                        scoring=["roc_auc", "average_precision", "balanced_accuracy"])
for metric in ["roc_auc", "average_precision", "balanced_accuracy"]:
    vals = scores[f"test_{metric}"]
    print(f"{metric:>18}: {vals.mean():.3f} +/- {vals.std():.3f}")
