# label: leakage/none
# Daily rider numbers at the downhill bike park (uplift wristband scans).
# Poisson GLM used for next-day staffing of the uplift vans and trail crew.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import statsmodels.api as sm

scans = pd.read_csv("ops/uplift_scans_daily.csv", parse_dates=["day"])
weather = pd.read_csv("ops/met_office_daily_forecast.csv", parse_dates=["day"])
events = pd.read_csv("ops/event_calendar.csv", parse_dates=["day"])

df = (scans.merge(weather, on="day", how="left")
           .merge(events, on="day", how="left")
           .sort_values("day")
           .set_index("day"))
df["race_day"] = df["race_day"].fillna(0).astype(int)
df["school_holiday"] = df["school_holiday"].fillna(0).astype(int)
df = df[df["park_open"] == 1].copy()

# calendar terms
df["dow"] = df.index.dayofweek.astype(str)
df["month"] = df.index.month.astype(str)
df["weekend"] = (df.index.dayofweek >= 5).astype(int)

# recent demand level
df["riders_7d_mean"] = df["riders"].shift(1).rolling(7, min_periods=4).mean()
df["riders_lag7"] = df["riders"].shift(7)
df["log_riders_7d"] = np.log1p(df["riders_7d_mean"])
df["log_riders_lag7"] = np.log1p(df["riders_lag7"])

df["rain_fc_mm_c"] = df["rain_fc_mm"].clip(upper=30)
df["wet_trails"] = (df["rain_fc_mm_prev_day"] > 15).astype(int)
df = df.dropna(subset=["log_riders_7d", "log_riders_lag7", "rain_fc_mm", "temp_fc_max_c"])

split_day = pd.Timestamp("2024-01-01")
train = df[df.index < split_day]
test = df[df.index >= split_day]
print(f"train days {len(train)}, evaluation days {len(test)}")

formula = ("riders ~ C(dow) + C(month) + school_holiday + race_day + rain_fc_mm_c"
           " + temp_fc_max_c + wind_fc_mph + wet_trails + log_riders_7d + log_riders_lag7")
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit(cov_type="HC1")
print(glm.summary())

pred = glm.predict(test)
err = test["riders"] - pred
mae = err.abs().mean()
mape = (err.abs() / test["riders"].clip(lower=1)).mean()
print(f"MAE: {mae:.1f} riders/day, MAPE: {mape:.1%}")

test = test.assign(pred=pred)
print(test.groupby("weekend")[["riders", "pred"]].mean().round(0))
busy = test["riders"] >= test["riders"].quantile(0.9)
print(f"busiest-decile days MAE: {(test.loc[busy, 'riders'] - test.loc[busy, 'pred']).abs().mean():.1f}")
