# label: leakage/target
"""Predict E. coli exceedances at river swimming spots on sampling days from weather and site records."""
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import precision_score, recall_score, roc_auc_score

THRESHOLD_CFU = 900

samples = pl.read_csv("swim_spot_samples.csv", try_parse_dates=True)
advisories = pl.read_csv("spot_advisories.csv", try_parse_dates=True)
spots = pl.read_parquet("swim_spots.parquet")

samples = (
    samples.filter(pl.col("ecoli_cfu_100ml").is_not_null())
    .with_columns(
        (pl.col("ecoli_cfu_100ml") > THRESHOLD_CFU).cast(pl.Int8).alias("exceed"),
        pl.col("sampled_at").dt.month().alias("month"),
        pl.col("sampled_at").dt.year().alias("season"),
    )
    .sort(["spot_id", "sampled_at"])
    .with_columns(pl.col("exceed").shift(1).over("spot_id").alias("prev_exceed"))
    .join(spots.select("spot_id", "upstream_cso_count", "urban_pct", "catchment_km2"),
          on="spot_id", how="left")
    .sort("sampled_at")
)

advisories = (
    advisories.with_columns(
        pl.col("level").replace_strict({"none": 0, "caution": 1, "closed": 2}, default=0)
        .cast(pl.Int8).alias("advisory_level")
    )
    .select("spot_id", "posted_at", "advisory_level")
    .sort("posted_at")
)

# attach the advisory status in force around each sample
df = samples.join_asof(
    advisories,
    left_on="sampled_at",
    right_on="posted_at",
    by="spot_id",
    strategy="nearest",
    tolerance="7d",
).with_columns(pl.col("advisory_level").fill_null(0))

FEATURES = [
    "rain_24h_mm", "rain_72h_mm", "water_temp_c", "river_flow_m3s", "turbidity_ntu", "month",
    "prev_exceed", "upstream_cso_count", "urban_pct", "catchment_km2", "advisory_level",
]
train = df.filter(pl.col("season") < 2023)
test = df.filter(pl.col("season") == 2023)
X_train, y_train = train.select(FEATURES).to_pandas(), train["exceed"].to_numpy()
X_test, y_test = test.select(FEATURES).to_pandas(), test["exceed"].to_numpy()

clf = HistGradientBoostingClassifier(
    max_iter=300, learning_rate=0.05, max_depth=4, class_weight="balanced", random_state=9
)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)

print(f"2023 samples: {len(y_test)}, exceedance rate {y_test.mean():.3f}")
print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"Precision: {precision_score(y_test, pred):.3f}  Recall: {recall_score(y_test, pred):.3f}")
