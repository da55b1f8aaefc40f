# label: leakage/none
"""Hours-to-peak for sourdough starter feedings (test-kitchen trials).

The bakery plans overnight feeds so levains peak when the bench crew arrives;
a nearest-neighbour model on past trials gives a quick estimate for a new
flour / hydration / temperature combination.
"""
import numpy as np
import polars as pl
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsRegressor
from sklearn.metrics import mean_absolute_error

NUMERIC = [
    "hydration_pct",
    "feed_ratio",          # flour+water : starter, by weight
    "inoculum_pct",
    "room_temp_c",
    "water_temp_c",
    "flour_ash_pct",
    "flour_protein_pct",
    "whole_grain_pct",
    "salt_g_per_kg",
    "starter_age_days",
]
TARGET = "hours_to_peak"


def load_trials(path):
    trials = pl.read_csv(path)
    return (
        trials.filter(pl.col("peak_observed") == 1)
        .with_columns(
            (pl.col("flour_rye_g") / pl.col("flour_total_g") * 100).alias("whole_grain_pct"),
            pl.col("salt_g_per_kg").fill_null(0.0),
        )
        .drop_nulls(NUMERIC + [TARGET])
    )


def zscore(frame, stats):
    return frame.with_columns(
        [((pl.col(c) - stats[c][0]) / stats[c][1]).alias(c) for c in NUMERIC]
    )


def column_stats(frame):
    row = frame.select(
        [pl.col(c).mean().alias(f"{c}_mean") for c in NUMERIC]
        + [pl.col(c).std().alias(f"{c}_std") for c in NUMERIC]
    ).row(0, named=True)
    return {c: (row[f"{c}_mean"], row[f"{c}_std"]) for c in NUMERIC}


def main():
    trials = load_trials("starter_trials.csv")
    print(f"{trials.height} trials, median peak {trials[TARGET].median():.1f} h")

    idx_train, idx_test = train_test_split(np.arange(trials.height), test_size=0.2, random_state=4)
    train, test = trials[idx_train], trials[idx_test]
    stats = column_stats(train)
    train, test = zscore(train, stats), zscore(test, stats)

    knn = KNeighborsRegressor(n_neighbors=7, weights="distance")
    knn.fit(train.select(NUMERIC).to_numpy(), train[TARGET].to_numpy())

    pred = knn.predict(test.select(NUMERIC).to_numpy())
    actual = test[TARGET].to_numpy()
    mae = mean_absolute_error(actual, pred)
    within_1h = np.mean(np.abs(pred - actual) <= 1.0)
    print(f"MAE {mae:.2f} h, within 1 h: {within_1h:.1%}")

    errors = test.select(["flour_type", TARGET]).with_columns(
        pl.Series("abs_err", np.abs(pred - actual))
    )
    print(
        errors.group_by("flour_type")
        .agg(pl.col("abs_err").mean().round(2), pl.len().alias("n"))
        .sort("abs_err")
    )


if __name__ == "__main__":
    main()
