# label: leakage/none
# Next-day slot bookings for the council's 3G artificial turf pitches.
# Forecast is produced each evening for the following day to set floodlight
# and attendant rotas. Poisson GLM per site, pooled with site effects.
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

BOOKINGS = "leisure/pitch_bookings_daily.csv"
WEATHER = "leisure/met_forecast_daily.csv"
HOLIDAYS = "leisure/school_holidays.csv"


def load():
    daily = pd.read_csv(BOOKINGS, parse_dates=["date"])
    wx = pd.read_csv(WEATHER, parse_dates=["date"])
    hols = pd.read_csv(HOLIDAYS, parse_dates=["start", "end"])

    daily = daily.merge(wx, on=["site", "date"], how="left")
    daily["school_holiday"] = 0
    for _, row in hols.iterrows():
        mask = daily["date"].between(row["start"], row["end"])
        daily.loc[mask, "school_holiday"] = 1
    return daily.sort_values(["site", "date"]).reset_index(drop=True)


def add_features(daily):
    daily["dow"] = daily["date"].dt.day_name()
    daily["month"] = daily["date"].dt.month
    daily["dark_by_5pm"] = daily["month"].isin([11, 12, 1, 2]).astype(int)
    g = daily.groupby("site")["slots_booked"]
    daily["slots_lag7"] = g.shift(7)
    daily["slots_7d_mean"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=4).mean())
    daily["log_slots_7d_mean"] = np.log1p(daily["slots_7d_mean"])
    daily["league_night"] = daily["league_fixtures"].fillna(0).gt(0).astype(int)
    return daily.dropna(subset=["slots_lag7", "slots_7d_mean", "rain_mm_fcst", "max_temp_fcst"])


daily = add_features(load())

cutoff = pd.Timestamp("2024-04-01")
train = daily[daily["date"] < cutoff]
test = daily[daily["date"] >= cutoff]
print(f"train days {len(train)}  test days {len(test)}  sites {daily['site'].nunique()}")

formula = (
    "slots_booked ~ C(site) + C(dow) + C(month) + school_holiday + league_night"
    " + dark_by_5pm + rain_mm_fcst + I(rain_mm_fcst ** 2) + max_temp_fcst"
    " + log_slots_7d_mean + np.log1p(slots_lag7)"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson(),
              offset=np.log(train["slots_available"])).fit()
print(glm.summary().tables[1])

mu = glm.predict(test, offset=np.log(test["slots_available"]))
err = test["slots_booked"] - mu
mae = err.abs().mean()
naive_mae = (test["slots_booked"] - test["slots_lag7"]).abs().mean()
print(f"test MAE {mae:.2f} slots/day   same-day-last-week MAE {naive_mae:.2f}")

dev_ratio = 1 - glm.deviance / glm.null_deviance
print(f"pseudo R2 (deviance) on train: {dev_ratio:.3f}")

summary = (
    test.assign(pred=mu, abs_err=err.abs())
    .groupby("site")[["slots_booked", "pred", "abs_err"]]
    .mean()
    .round(2)
)
print(summary.to_string())
