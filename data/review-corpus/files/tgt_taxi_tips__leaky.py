# label: leakage/target
# twin: tgt_taxi_tips__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import train_test_split
from sklearn.metrics import mean_absolute_error, r2_score

trips = pl.read_parquet("data/yellow_tripdata_2023-06.parquet")
trips = trips.filter(
    (pl.col("payment_type") == 1) & (pl.col("fare_amount") > 0) & (pl.col("trip_distance") > 0)
).with_columns(
    pl.col("tpep_pickup_datetime").dt.hour().alias("pickup_hour"),
    pl.col("tpep_pickup_datetime").dt.weekday().alias("pickup_dow"),
    ((pl.col("tpep_dropoff_datetime") - pl.col("tpep_pickup_datetime")).dt.total_seconds() / 60)
    .alias("duration_min"),
)

features = ["trip_distance", "duration_min", "passenger_count", "PULocationID", "DOLocationID",
            "pickup_hour", "pickup_dow", "fare_amount", "tolls_amount", "congestion_surcharge",
            "total_amount"]
X = trips.select(features).to_pandas()
y = trips["tip_amount"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=6)
model = HistGradientBoostingRegressor(max_iter=400, learning_rate=0.08, max_leaf_nodes=63)
model.fit(X_train, y_train)
pred = model.predict(X_test)
print(f"tip MAE ${mean_absolute_error(y_test, pred):.2f}   R2 {r2_score(y_test, pred):.3f}")
