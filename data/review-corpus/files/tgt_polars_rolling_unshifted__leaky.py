# label: leakage/target
# twin: tgt_polars_rolling_unshifted__fixed.py
# source: adapted from scikit-learn examples/applications/plot_time_series_lagged_features.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
import polars as pl
from sklearn.datasets import fetch_file
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

# %%
bike_sharing_data_file = fetch_file(
    "https://github.com/scikit-learn/examples-data/raw/refs/heads/master/bike-sharing-demand/dataset_44063.pq",
    sha256="d120af76829af0d256338dc6dd4be5df4fd1f35bf3a283cab66a51c1c6abd06a",
)
df = pl.read_parquet(bike_sharing_data_file)

# %%
# Predict the demand at the next hour given past demands.
lagged_df = df.select(
    "count",
    *[pl.col("count").shift(i).alias(f"lagged_count_{i}h") for i in [1, 2, 3]],
    lagged_count_1d=pl.col("count").shift(24),
    lagged_count_1d_1h=pl.col("count").shift(24 + 1),
    lagged_count_7d=pl.col("count").shift(7 * 24),
    lagged_count_7d_1h=pl.col("count").shift(7 * 24 + 1),
    lagged_mean_24h=pl.col("count").rolling_mean(24),
    lagged_max_24h=pl.col("count").shift(1).rolling_max(24),
    lagged_min_24h=pl.col("count").shift(1).rolling_min(24),
    lagged_mean_7d=pl.col("count").shift(1).rolling_mean(7 * 24),
)
lagged_df = lagged_df.drop_nulls()
X = lagged_df.drop("count")
y = lagged_df["count"]

# %%
ts_cv = TimeSeriesSplit(n_splits=3, gap=48, max_train_size=10000, test_size=3000)
model = HistGradientBoostingRegressor()
cv_mape_scores = -cross_val_score(model, X, y, cv=ts_cv, scoring="neg_mean_absolute_percentage_error")
print(f"CV MAPE: {cv_mape_scores.mean():.3f} +/- {cv_mape_scores.std():.3f}")
