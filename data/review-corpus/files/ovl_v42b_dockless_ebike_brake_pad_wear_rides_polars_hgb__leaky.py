# label: leakage/overlap
"""Brake pad wear model for the dockless e-bike fleet.

Mechanics measure the remaining pad thickness whenever a bike comes in for a
service. Ride logs between services are summarised per service visit, and the
model predicts pad wear (mm) since the previous service.
"""
import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

CATEGORICAL = ["frame_model", "brake_type", "pad_compound", "home_zone"]
NUMERIC = [
    "rides",
    "km_ridden",
    "hilly_km_share",
    "mean_rider_weight_kg",
    "wet_ride_share",
    "hard_brake_events",
    "days_in_service",
    "motor_assist_level_mean",
]
TARGET = "pad_wear_mm"

services = pl.read_parquet("data/service_visits.parquet")
rides = pl.read_parquet("data/ride_logs.parquet")

# pad_mm_in: measured on arrival, pad_mm_out: after the mechanic has finished
services = services.sort(["bike_id", "serviced_at"]).with_columns(
    pl.col("serviced_at").shift(1).over("bike_id").alias("prev_serviced_at"),
    (pl.col("pad_mm_out").shift(1).over("bike_id") - pl.col("pad_mm_in")).alias(TARGET),
)
services = services.filter(pl.col("prev_serviced_at").is_not_null())

ride_summary = (
    rides.join(services.select("bike_id", "prev_serviced_at", "serviced_at", "visit_id"), on="bike_id")
    .filter(
        (pl.col("started_at") >= pl.col("prev_serviced_at"))
        & (pl.col("started_at") < pl.col("serviced_at"))
    )
    .group_by("visit_id")
    .agg(
        pl.len().alias("rides"),
        pl.col("distance_km").sum().alias("km_ridden"),
        (pl.col("climb_km").sum() / pl.col("distance_km").sum()).alias("hilly_km_share"),
        pl.col("rider_weight_kg").mean().alias("mean_rider_weight_kg"),
        pl.col("was_raining").mean().alias("wet_ride_share"),
        pl.col("hard_brakes").sum().alias("hard_brake_events"),
        pl.col("assist_level").mean().alias("motor_assist_level_mean"),
    )
)

data = (
    services.join(ride_summary, on="visit_id", how="inner")
    .with_columns(
        ((pl.col("serviced_at") - pl.col("prev_serviced_at")).dt.total_days()).alias("days_in_service")
    )
    .filter(pl.col(TARGET).is_between(0, 8))
)
print(data.select(pl.len(), pl.col("bike_id").n_unique().alias("bikes")))

df = data.select(["bike_id"] + CATEGORICAL + NUMERIC + [TARGET]).to_pandas()
X = df[CATEGORICAL + NUMERIC]
y = df[TARGET]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

prep = ColumnTransformer(
    [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
    remainder="passthrough",
)
model = Pipeline(
    [
        ("prep", prep),
        (
            "hgb",
            HistGradientBoostingRegressor(
                max_iter=500,
                learning_rate=0.05,
                max_leaf_nodes=31,
                l2_regularization=1.0,
                categorical_features=list(range(len(CATEGORICAL))),
                random_state=0,
            ),
        ),
    ]
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

print(f"MAE  {mean_absolute_error(y_test, pred):.3f} mm")
print(f"R2   {r2_score(y_test, pred):.3f}")
resid = np.abs(pred - y_test.to_numpy())
print("90th pct abs error:", round(float(np.quantile(resid, 0.9)), 3), "mm")
