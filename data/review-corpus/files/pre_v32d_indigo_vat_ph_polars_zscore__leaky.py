# label: leakage/preprocessing
"""Colour depth of the day's test swatch from the morning readings of the
fermentation indigo vats. Vats differ a lot in baseline chemistry, so the
sensor readings are expressed relative to each vat."""
from datetime import date

import numpy as np
import polars as pl
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score

READINGS = "data/vat_morning_readings.csv"
FEEDS = "data/vat_feeding_log.csv"
SWATCHES = "data/daily_swatch_scores.csv"
CUTOFF = date(2024, 3, 1)
SENSORS = ["ph", "temp_c", "orp_mv", "conductivity_ms", "flower_cover_pct"]


def load():
    readings = pl.read_csv(READINGS, try_parse_dates=True)
    feeds = pl.read_csv(FEEDS, try_parse_dates=True)
    swatches = pl.read_csv(SWATCHES, try_parse_dates=True)

    feed_daily = (
        feeds.group_by(["vat_id", "fed_on"])
        .agg(pl.col("bran_g").sum(), pl.col("lime_g").sum(), pl.col("madder_g").sum())
        .rename({"fed_on": "reading_date"})
    )
    df = (
        readings.join(feed_daily, on=["vat_id", "reading_date"], how="left")
        .join(swatches, on=["vat_id", "reading_date"], how="inner")
        .with_columns(pl.col(["bran_g", "lime_g", "madder_g"]).fill_null(0.0))
        .sort(["vat_id", "reading_date"])
    )
    return df


def add_history(df):
    return df.with_columns(
        pl.col("ph").shift(1).over("vat_id").alias("ph_prev"),
        pl.col("orp_mv").shift(1).over("vat_id").alias("orp_prev"),
        pl.col("bran_g").shift(1).over("vat_id").alias("bran_prev"),
        pl.col("lime_g").rolling_sum(3).shift(1).over("vat_id").alias("lime_prev3"),
        pl.col("reading_date").cum_count().over("vat_id").alias("vat_age_days"),
    )


df = add_history(load())

df = df.with_columns(
    [
        ((pl.col(c) - pl.col(c).mean().over("vat_id")) / pl.col(c).std().over("vat_id"))
        .alias(f"{c}_z")
        for c in SENSORS
    ]
)

FEATURES = [f"{c}_z" for c in SENSORS] + [
    "ph_prev", "orp_prev", "bran_prev", "lime_prev3", "vat_age_days",
    "bran_g", "lime_g", "madder_g", "dips_yesterday",
]
df = df.drop_nulls(subset=FEATURES + ["swatch_depth"])

train = df.filter(pl.col("reading_date") < CUTOFF)
test = df.filter(pl.col("reading_date") >= CUTOFF)
print(f"train rows {train.height}, test rows {test.height}")

X_train = train.select(FEATURES).to_numpy()
y_train = train["swatch_depth"].to_numpy()
X_test = test.select(FEATURES).to_numpy()
y_test = test["swatch_depth"].to_numpy()

model = RidgeCV(alphas=np.logspace(-3, 3, 25)).fit(X_train, y_train)
pred = model.predict(X_test)
print(f"alpha={model.alpha_:.4g}")
print(f"test MAE {mean_absolute_error(y_test, pred):.3f}  R2 {r2_score(y_test, pred):.3f}")

per_vat = (
    test.select("vat_id", "swatch_depth")
    .with_columns(pl.Series("pred", pred))
    .group_by("vat_id")
    .agg(((pl.col("pred") - pl.col("swatch_depth")).abs().mean()).alias("mae"))
    .sort("vat_id")
)
print(per_vat)
