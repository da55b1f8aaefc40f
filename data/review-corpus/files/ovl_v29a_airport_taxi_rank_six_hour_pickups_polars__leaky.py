# label: leakage/overlap
# Terminal 2 taxi rank: forecast the number of pickups over the next six hours so the
# dispatcher can call drivers in from the holding lot. Hourly counts from the rank barrier.
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

HORIZON = 6

rank = (
    pl.scan_csv("data/rank/t2_barrier_events.csv", try_parse_dates=True)
    .with_columns(pl.col("exit_ts").dt.truncate("1h").alias("hour"))
    .group_by("hour")
    .agg(pl.len().alias("pickups"))
    .sort("hour")
    .collect()
    .upsample(time_column="hour", every="1h")
    .with_columns(pl.col("pickups").fill_null(0))
)

flights = (
    pl.read_parquet("data/rank/t2_scheduled_arrivals.parquet")
    .with_columns(pl.col("sched_arrival").dt.truncate("1h").alias("hour"))
    .group_by("hour")
    .agg(pl.col("seats").sum().alias("sched_seats"), pl.len().alias("sched_flights"))
)

df = (
    rank.join(flights, on="hour", how="left")
    .with_columns(pl.col("sched_seats", "sched_flights").fill_null(0))
    .with_columns(
        *[pl.col("sched_seats").shift(l).alias(f"seats_lag_{l}") for l in (1, 2, 3)],
        *[pl.col("pickups").shift(l).alias(f"lag_{l}") for l in (1, 2, 3, 24, 168)],
        pl.col("pickups").shift(1).rolling_mean(24).alias("mean_24h"),
        pl.col("pickups").shift(1).rolling_mean(168).alias("mean_7d"),
        pl.col("hour").dt.hour().alias("hod"),
        pl.col("hour").dt.weekday().alias("dow"),
        pl.col("hour").dt.month().alias("month"),
        # pickups summed over hours t+1 .. t+HORIZON
        pl.col("pickups").reverse().rolling_sum(HORIZON).reverse().shift(-1).alias("target"),
    )
    .drop_nulls()
)

feature_cols = [c for c in df.columns if c not in ("hour", "pickups", "target")]
X = df.select(feature_cols).to_numpy()
y = df.get_column("target").to_numpy()
print(df.shape, df["hour"].min(), "->", df["hour"].max())

tscv = TimeSeriesSplit(n_splits=5, test_size=24 * 28)
maes, naive = [], []
for k, (tr, te) in enumerate(tscv.split(X)):
    reg = HistGradientBoostingRegressor(loss="poisson", learning_rate=0.05, max_iter=500,
                                        max_leaf_nodes=63, random_state=k)
    reg.fit(X[tr], y[tr])
    pred = reg.predict(X[te])
    maes.append(mean_absolute_error(y[te], pred))
    # baseline: trailing weekly hourly mean scaled to the horizon
    flat = df["mean_7d"].to_numpy()[te] * HORIZON
    naive.append(mean_absolute_error(y[te], flat))
    print(f"fold {k}: train to {df['hour'][int(tr[-1])]}  MAE {maes[-1]:.1f}  naive {naive[-1]:.1f}")

print(f"mean MAE {np.mean(maes):.1f} (+/- {np.std(maes):.1f}), naive {np.mean(naive):.1f}")
