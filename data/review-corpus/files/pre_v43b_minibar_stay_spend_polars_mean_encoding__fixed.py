# label: leakage/none
# Minibar spend per stay, used to set restock quantities at check-in.
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error

CUTOFF = pl.date(2024, 4, 1)
ENC_COLS = ["guest_country", "room_type", "booking_channel", "rate_plan"]
NUM_COLS = [
    "nights", "adults", "children", "lead_time_days", "floor",
    "arrival_dow", "arrival_month", "business_trip", "loyalty_tier",
    "room_rate_eur",
]
PRIOR_WEIGHT = 30


def add_mean_spend(frame, source, col):
    """Smoothed mean minibar spend per category of `col`, taken from `source`."""
    global_mean = source["minibar_spend"].mean()
    stats = (
        source.group_by(col)
        .agg(pl.col("minibar_spend").mean().alias("m"), pl.len().alias("n"))
        .with_columns(
            ((pl.col("m") * pl.col("n") + global_mean * PRIOR_WEIGHT)
             / (pl.col("n") + PRIOR_WEIGHT)).alias(f"{col}_spend")
        )
        .select(col, f"{col}_spend")
    )
    return frame.join(stats, on=col, how="left").with_columns(
        pl.col(f"{col}_spend").fill_null(global_mean)
    )


stays = (
    pl.read_parquet("pms_stays.parquet")
    .filter(pl.col("status") == "checked_out")
    .with_columns(
        pl.col("arrival_date").dt.weekday().alias("arrival_dow"),
        pl.col("arrival_date").dt.month().alias("arrival_month"),
        pl.col("minibar_spend").fill_null(0.0),
        pl.col("loyalty_tier").fill_null(0),
    )
)

train = stays.filter(pl.col("arrival_date") < CUTOFF)
test = stays.filter(pl.col("arrival_date") >= CUTOFF)

for col in ENC_COLS:
    test = add_mean_spend(test, train, col)
    train = add_mean_spend(train, train, col)

features = NUM_COLS + [f"{c}_spend" for c in ENC_COLS]
X_train = train.select(features).to_numpy()
X_test = test.select(features).to_numpy()
y_train = train["minibar_spend"].to_numpy()
y_test = test["minibar_spend"].to_numpy()

model = HistGradientBoostingRegressor(
    loss="absolute_error", max_iter=500, learning_rate=0.05,
    max_leaf_nodes=31, min_samples_leaf=40, random_state=4,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

baseline = np.full_like(y_test, np.median(y_train), dtype=float)
print(f"train stays {len(y_train)}, test stays {len(y_test)}")
print(f"MAE model:    {mean_absolute_error(y_test, pred):.2f} EUR")
print(f"MAE median:   {mean_absolute_error(y_test, baseline):.2f} EUR")
print(f"MedAE model:  {median_absolute_error(y_test, pred):.2f} EUR")

by_room = (
    test.with_columns(pl.Series("pred", pred))
    .group_by("room_type")
    .agg(pl.col("minibar_spend").mean().alias("actual"), pl.col("pred").mean())
    .sort("actual", descending=True)
)
print(by_room)
