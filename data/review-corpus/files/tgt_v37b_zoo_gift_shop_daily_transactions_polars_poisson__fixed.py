# label: leakage/none
"""Daily till transactions at the zoo gift shop, for staffing the rota.

Till exports are summed per day and joined with the Met Office forecast issued
the evening before and the school-holiday calendar.
"""
from datetime import timedelta

import numpy as np
import polars as pl
import statsmodels.api as sm
import statsmodels.formula.api as smf


def load_daily():
    tills = pl.read_csv("data/giftshop_till_lines.csv", try_parse_dates=True)
    daily = (
        tills.group_by(pl.col("sold_at").dt.date().alias("date"))
        .agg(pl.col("receipt_id").n_unique().alias("transactions"))
        .sort("date")
    )
    forecast = pl.read_csv("data/forecast_day_ahead.csv", try_parse_dates=True)
    holidays = pl.read_csv("data/school_holidays.csv", try_parse_dates=True)
    return (
        daily.join(forecast, on="date", how="left")
        .join(holidays.select("date", "holiday_name"), on="date", how="left")
    )


def add_features(daily):
    return daily.with_columns(
        pl.col("date").dt.weekday().alias("weekday"),
        pl.col("date").dt.month().alias("month"),
        pl.col("holiday_name").is_not_null().cast(pl.Int8).alias("school_holiday"),
        (pl.col("forecast_rain_mm") > 2).cast(pl.Int8).alias("wet_day"),
        pl.col("transactions").shift(7).alias("same_day_last_week"),
        pl.col("transactions").shift(1).rolling_mean(window_size=7).alias("avg_last_7d"),
    ).drop_nulls(["same_day_last_week", "avg_last_7d", "forecast_max_temp_c"])


daily = add_features(load_daily())
split_date = daily["date"].max() - timedelta(days=120)
train = daily.filter(pl.col("date") <= split_date).to_pandas()
test = daily.filter(pl.col("date") > split_date).to_pandas()
print(f"train {len(train)} days, test {len(test)} days")

formula = (
    "transactions ~ C(weekday) + C(month) + school_holiday + wet_day"
    " + forecast_max_temp_c + I(forecast_max_temp_c ** 2)"
    " + np.log1p(same_day_last_week) + np.log1p(avg_last_7d)"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit()
print(glm.summary().tables[1])

dispersion = glm.pearson_chi2 / glm.df_resid
print(f"Pearson dispersion: {dispersion:.2f}")

test["pred"] = glm.predict(test)
abs_err = (test["transactions"] - test["pred"]).abs()
print(f"test MAE: {abs_err.mean():.1f} transactions/day")
print(f"test MAPE: {(abs_err / test['transactions'].clip(lower=1)).mean():.1%}")

naive = (test["transactions"] - test["same_day_last_week"]).abs().mean()
print(f"same-day-last-week MAE: {naive:.1f}")

busy = test[test["school_holiday"] == 1]
print(f"holiday-day MAE: {(busy['transactions'] - busy['pred']).abs().mean():.1f} over {len(busy)} days")
