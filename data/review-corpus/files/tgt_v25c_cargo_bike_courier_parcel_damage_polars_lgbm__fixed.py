# label: leakage/none
"""Predict which cargo-bike deliveries will end in a damaged-parcel report, using Polars features and LightGBM."""
import polars as pl
import lightgbm as lgb
from sklearn.metrics import average_precision_score, roc_auc_score

jobs = pl.read_parquet("cargo_bike_jobs.parquet")
couriers = pl.read_csv("courier_roster.csv", try_parse_dates=True)
parcels = pl.read_csv("parcel_manifest.csv")

df = (
    jobs.join(couriers, on="courier_id", how="left")
        .join(parcels, on="parcel_id", how="left")
        .filter(pl.col("status") != "cancelled")
        .sort("dispatched_at")
)

df = df.with_columns(
    pl.col("damage_reported").cast(pl.Int8).alias("damaged"),
    pl.col("dispatched_at").dt.hour().alias("hour"),
    pl.col("dispatched_at").dt.weekday().alias("weekday"),
    (pl.col("parcel_weight_kg") / pl.col("parcel_volume_l").clip(lower_bound=0.1)).alias("density"),
    (pl.col("route_km") / pl.col("planned_minutes").clip(lower_bound=1) * 60).alias("planned_kmh"),
    pl.col("fragile_flag").fill_null(0),
    pl.col("rain_mm_h").fill_null(0.0),
    ((pl.col("dispatched_at") - pl.col("start_date")).dt.total_days() / 30.4)
    .alias("courier_tenure_months"),
)

# courier-level history features from earlier jobs only
df = df.with_columns(
    ((pl.col("damaged").cum_sum().over("courier_id") - pl.col("damaged") + 1)
     / (pl.int_range(pl.len()).over("courier_id") + 20)).alias("courier_damage_rate"),
    pl.int_range(pl.len()).over("courier_id").alias("courier_jobs_before"),
    pl.col("cobbles_km").fill_null(0.0) / pl.col("route_km").clip(lower_bound=0.1),
)

features = [
    "hour", "weekday", "parcel_weight_kg", "density", "planned_kmh", "route_km",
    "cobbles_km", "n_stops", "fragile_flag", "rain_mm_h", "bike_model_code",
    "courier_tenure_months", "courier_damage_rate", "courier_jobs_before",
]

cut = df.select(pl.col("dispatched_at").quantile(0.8)).item()
train = df.filter(pl.col("dispatched_at") <= cut)
test = df.filter(pl.col("dispatched_at") > cut)

X_train, y_train = train.select(features).to_pandas(), train["damaged"].to_numpy()
X_test, y_test = test.select(features).to_pandas(), test["damaged"].to_numpy()

model = lgb.LGBMClassifier(
    n_estimators=600, learning_rate=0.03, num_leaves=24, min_child_samples=40,
    colsample_bytree=0.8, reg_lambda=2.0, is_unbalance=True, verbose=-1, random_state=2,
)
model.fit(X_train, y_train, categorical_feature=["bike_model_code"])

p = model.predict_proba(X_test)[:, 1]
print(f"jobs: train {len(train)}, test {len(test)}, damage rate {y_train.mean():.2%}")
print(f"Test ROC AUC: {roc_auc_score(y_test, p):.3f}")
print(f"Test AP:      {average_precision_score(y_test, p):.3f}")
imp = sorted(zip(model.feature_importances_, features), reverse=True)[:6]
for gain, name in imp:
    print(f"  {name:>24}: {gain}")
