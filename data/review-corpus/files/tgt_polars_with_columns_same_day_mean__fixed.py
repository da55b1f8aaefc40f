# label: leakage/none
# twin: tgt_polars_with_columns_same_day_mean__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import polars as pl
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error

visits = pl.read_csv("clinic_daily_visits.csv").sort("date")
visits = visits.with_columns(
    pl.col("visits").shift(7).alias("visits_same_weekday_last_week"),
    pl.col("visits").shift(1).rolling_mean(window_size=7).alias("visits_week_mean"),
    pl.col("temperature").rolling_mean(window_size=3).alias("temp_3d"),
).drop_nulls()

X = visits.drop(["visits", "date"]).to_numpy()
y = visits["visits"].to_numpy()
cut = int(len(y) * 0.8)
rf = RandomForestRegressor(n_estimators=200, random_state=0).fit(X[:cut], y[:cut])
print("MAE of the last 20% of days:", mean_absolute_error(y[cut:], rf.predict(X[cut:])))
