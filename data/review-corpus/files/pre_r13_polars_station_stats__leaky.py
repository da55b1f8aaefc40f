# label: leakage/preprocessing
# twin: pre_r13_polars_station_stats__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Will a river sample exceed the E. coli bathing-water limit? (train < 2022, test 2022+)"""
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

BASE = ["turbidity_ntu", "conductivity_us", "water_temp_c", "rain_48h_mm", "flow_m3s", "ph"]
STATION = ["st_turb_mean", "st_turb_p90", "st_cond_std", "st_flow_median"]
FEATURES = BASE + STATION + ["turb_anomaly"]
CUTOFF = pl.date(2022, 1, 1)


def station_stats(frame):
    return frame.group_by("station_id").agg(
        pl.col("turbidity_ntu").mean().alias("st_turb_mean"),
        pl.col("turbidity_ntu").quantile(0.9).alias("st_turb_p90"),
        pl.col("conductivity_us").std().alias("st_cond_std"),
        pl.col("flow_m3s").median().alias("st_flow_median"),
    )


def add_station_features(frame, stats):
    return frame.join(stats, on="station_id", how="left").with_columns(
        (pl.col("turbidity_ntu") - pl.col("st_turb_mean")).alias("turb_anomaly")
    )


samples = (
    pl.read_csv("data/river_samples.csv", try_parse_dates=True)
    .filter(pl.col("ecoli_cfu").is_not_null())
    .with_columns((pl.col("ecoli_cfu") > 900).cast(pl.Int8).alias("exceeds"))
)

stats = station_stats(samples)
samples = add_station_features(samples, stats)
train = samples.filter(pl.col("sample_date") < CUTOFF)
test = samples.filter(pl.col("sample_date") >= CUTOFF)

clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=500, random_state=4)
clf.fit(train.select(FEATURES).to_numpy(), train["exceeds"].to_numpy())
proba = clf.predict_proba(test.select(FEATURES).to_numpy())[:, 1]
y_test = test["exceeds"].to_numpy()
print(f"train {train.height} samples, test {test.height} samples")
print(f"test ROC AUC {roc_auc_score(y_test, proba):.4f}, AP {average_precision_score(y_test, proba):.4f}")
