# label: leakage/target
# twin: tgt_r13_polars_rolling_current__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Morning forecast of today's vaccine doses per clinic, used to plan staffing."""
import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

FEATURES = ["weekday", "month", "is_holiday", "appointments_booked", "temp_forecast_c",
            "campaign_active", "doses_ma7", "doses_max28", "doses_wow"]
CUTOFF = pl.date(2024, 1, 1)

daily = (
    pl.read_csv("data/clinic_daily.csv", try_parse_dates=True)
    .sort(["clinic_id", "date"])
    .with_columns(
        pl.col("date").dt.weekday().alias("weekday"),
        pl.col("date").dt.month().alias("month"),
        pl.col("doses").rolling_mean(window_size=7).over("clinic_id").alias("doses_ma7"),
        pl.col("doses").rolling_max(window_size=28).over("clinic_id").alias("doses_max28"),
        (pl.col("doses") - pl.col("doses").shift(7)).over("clinic_id").alias("doses_wow"),
    )
    .drop_nulls(subset=FEATURES)
)

train = daily.filter(pl.col("date") < CUTOFF)
test = daily.filter(pl.col("date") >= CUTOFF)

model = HistGradientBoostingRegressor(loss="poisson", learning_rate=0.05,
                                      max_iter=400, random_state=9)
model.fit(train.select(FEATURES).to_numpy(), train["doses"].to_numpy())
pred = model.predict(test.select(FEATURES).to_numpy())

test = test.with_columns(pl.Series("pred", pred)).with_columns(
    (pl.col("doses") - pl.col("pred")).abs().alias("abs_err")
)
print(f"overall test MAE: {mean_absolute_error(test['doses'].to_numpy(), pred):.2f} doses/day")
per_clinic = (
    test.group_by("clinic_id")
    .agg(pl.col("abs_err").mean().alias("mae"), pl.col("doses").mean().alias("mean_doses"))
    .sort("mae", descending=True)
)
print(per_clinic.head(10))
print(f"median clinic MAE: {np.median(per_clinic['mae'].to_numpy()):.2f}")
