# label: leakage/target
"""Warn mountain hut wardens when the rain-fed water tank will read below 20% at tomorrow evening's check."""
from datetime import date

import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_score, recall_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LOW_PCT = 20.0
CUTOFF = date(2023, 6, 1)

readings = pl.read_csv("hut_tank_evening_checks.csv", try_parse_dates=True)   # date, hut, level_pct, ...
reservations = pl.read_csv("reservations_1800_snapshot.csv", try_parse_dates=True)  # date, hut, reserved_next_night
huts = pl.read_csv("huts.csv")                                                 # hut, tank_m3, roof_m2, altitude_m

df = (
    readings.join(reservations, on=["date", "hut"], how="left")
    .join(huts, on="hut", how="left")
    .filter(pl.col("season_open"))
    .sort(["hut", "date"])
    .with_columns(
        pl.col("reserved_next_night").fill_null(0).alias("guests_tomorrow"),
        pl.col("rain_mm").fill_null(0),
    )
    .with_columns(
        # litres drawn per day, from consecutive evening readings
        ((pl.col("level_pct") - pl.col("level_pct").shift(-1).over("hut")) * pl.col("tank_m3") * 10)
        .alias("daily_draw_l"),
        pl.col("rain_mm").rolling_sum(3).over("hut").alias("rain_3d_mm"),
        pl.col("guests_tomorrow").rolling_mean(7).over("hut").alias("guests_7d"),
        (pl.col("roof_m2") * pl.col("rain_mm")).alias("roof_catch_l"),
        (pl.col("level_pct").shift(-1).over("hut") < LOW_PCT).cast(pl.Int8).alias("low_tomorrow"),
    )
    .with_columns(
        pl.col("daily_draw_l").rolling_mean(3).over("hut").alias("draw_3d_l"),
        (pl.col("guests_tomorrow") / pl.col("tank_m3")).alias("guests_per_m3"),
    )
    .drop_nulls(["low_tomorrow", "daily_draw_l", "draw_3d_l", "rain_3d_mm", "guests_7d"])
)

FEATURES = ["level_pct", "daily_draw_l", "draw_3d_l", "rain_mm", "rain_3d_mm", "roof_catch_l",
            "guests_tomorrow", "guests_7d", "guests_per_m3", "tank_m3",
            "altitude_m", "temp_max_c"]

train = df.filter(pl.col("date") < CUTOFF)
test = df.filter(pl.col("date") >= CUTOFF)
print(f"train {train.height} hut-days ({train['low_tomorrow'].mean():.2%} low), "
      f"test {test.height} hut-days ({test['low_tomorrow'].mean():.2%} low)")

model = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, class_weight="balanced", max_iter=2000))
model.fit(train.select(FEATURES).to_numpy(), train["low_tomorrow"].to_numpy())

p = model.predict_proba(test.select(FEATURES).to_numpy())[:, 1]
y_test = test["low_tomorrow"].to_numpy()
warn = p >= 0.5
print(f"ROC AUC {roc_auc_score(y_test, p):.3f}")
print(f"warnings issued on {warn.mean():.1%} of hut-days; precision {precision_score(y_test, warn):.3f}, "
      f"recall {recall_score(y_test, warn):.3f}")

per_hut = (
    test.select(["hut", "low_tomorrow"]).with_columns(pl.Series("p", p))
    .group_by("hut").agg(pl.col("low_tomorrow").sum().alias("low_days"),
                         (pl.col("p") >= 0.5).sum().alias("warnings"))
    .sort("low_days", descending=True)
)
print(per_hut)
