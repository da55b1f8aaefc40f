# label: leakage/none
# twin: pre_v14_pollen_zscore_polars__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Daily grass-pollen level model for the allergy forecast (weather + recent counts)."""
from datetime import date

import numpy as np
import polars as pl
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error, r2_score

SRC = "data/aerobiology/grass_pollen_daily.csv"
SPLIT_DATE = date(2022, 1, 1)
WEATHER = ["tmax_c", "tmin_c", "precip_mm", "rel_humidity", "wind_speed_ms", "sunshine_h", "gdd_cum"]
FEATURES = WEATHER + ["log_pollen_lag1", "log_pollen_lag7_mean", "doy_sin", "doy_cos"]
ALPHA = 1.0


def build_frame(path):
    doy_angle = 2 * np.pi * pl.col("date").dt.ordinal_day() / 365.25
    return (
        pl.read_csv(path, try_parse_dates=True)
        .sort("date")
        .with_columns(pl.col("grains_m3").clip(lower_bound=0).log1p().alias("log_pollen"))
        .with_columns(
            pl.col("log_pollen").shift(1).alias("log_pollen_lag1"),
            pl.col("log_pollen").shift(1).rolling_mean(window_size=7).alias("log_pollen_lag7_mean"),
            doy_angle.sin().alias("doy_sin"),
            doy_angle.cos().alias("doy_cos"),
        )
        .drop_nulls(FEATURES + ["log_pollen"])
    )


def standardise(df, cols, ref=None):
    ref = df if ref is None else ref
    stats = ref.select(
        [pl.col(c).mean().alias(f"{c}__mu") for c in cols]
        + [pl.col(c).std().alias(f"{c}__sd") for c in cols]
    ).row(0, named=True)
    return df.with_columns(
        [((pl.col(c) - stats[f"{c}__mu"]) / stats[f"{c}__sd"]).alias(c) for c in cols]
    )


if __name__ == "__main__":
    df = build_frame(SRC)
    train = df.filter(pl.col("date") < SPLIT_DATE)
    test = df.filter(pl.col("date") >= SPLIT_DATE)
    train, test = standardise(train, WEATHER, ref=train), standardise(test, WEATHER, ref=train)
    print(f"train {train.height} days, test {test.height} days")

    model = Ridge(alpha=ALPHA)
    model.fit(train.select(FEATURES).to_numpy(), train["log_pollen"].to_numpy())
    pred = model.predict(test.select(FEATURES).to_numpy())

    y_test = test["log_pollen"].to_numpy()
    print(f"test MAE (log grains/m3): {mean_absolute_error(y_test, pred):.3f}")
    print(f"test R2: {r2_score(y_test, pred):.3f}")
    high = y_test > np.log1p(50)
    print(f"high-pollen days caught: {(pred[high] > np.log1p(50)).mean():.1%} of {high.sum()}")
    print(dict(zip(FEATURES, np.round(model.coef_, 3))))
