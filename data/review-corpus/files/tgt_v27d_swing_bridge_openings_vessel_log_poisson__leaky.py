# label: leakage/target
"""Forecast daily swing-bridge openings from weather forecasts, calendar and harbour traffic with a Poisson GLM."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

openings = pd.read_csv("bridge_openings.csv", parse_dates=["opened_at"])
forecasts = pd.read_csv("harbour_forecast_dayahead.csv", parse_dates=["valid_date"])
vessels = pd.read_csv("harbour_master_vessel_log.csv", parse_dates=["transit_time"])
holidays = pd.read_csv("bank_holidays.csv", parse_dates=["date"])

daily = openings.assign(date=openings["opened_at"].dt.normalize()).groupby("date").size().rename("openings")
days = pd.DataFrame({"date": pd.date_range("2019-01-01", "2024-12-31", freq="D")})
df = days.merge(daily.reset_index(), on="date", how="left").fillna({"openings": 0})

fc = forecasts.rename(columns={"valid_date": "date"})[["date", "fc_gust_kmh", "fc_precip_mm", "fc_max_temp_c"]]
df = df.merge(fc, on="date", how="left")
df["holiday"] = df["date"].isin(holidays["date"]).astype(int)
df["dow"] = df["date"].dt.dayofweek
df["month"] = df["date"].dt.month
df["school_summer"] = df["date"].dt.month.isin([7, 8]).astype(int)

# masted vessels that cannot clear the closed span
tall = vessels[vessels["air_draft_m"] > 4.2]
traffic = (
    tall.assign(date=tall["transit_time"].dt.normalize())
    .groupby("date").size().rename("tall_transits").reset_index()
)
df = df.merge(traffic, on="date", how="left").fillna({"tall_transits": 0})

df = df.sort_values("date").dropna(subset=["fc_gust_kmh", "fc_precip_mm", "fc_max_temp_c"])
train = df[df["date"] < "2024-01-01"]
test = df[df["date"] >= "2024-01-01"]
print(len(train), "training days,", len(test), "test days")

formula = (
    "openings ~ C(dow) + C(month) + holiday + school_summer + fc_max_temp_c"
    " + fc_gust_kmh + I(fc_gust_kmh > 50) + np.log1p(fc_precip_mm) + np.log1p(tall_transits)"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit()
print(glm.summary().tables[1])
print("Pearson dispersion:", round(glm.pearson_chi2 / glm.df_resid, 3))

mu = glm.predict(test)
y = test["openings"]
mae = np.mean(np.abs(y - mu))
dev = 2 * np.sum(np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0) - (y - mu))
profile = train.groupby(["month", "dow"])["openings"].mean().rename("profile").reset_index()
naive = test.merge(profile, on=["month", "dow"], how="left")["profile"].to_numpy()
print("test MAE (openings/day):", round(mae, 3))
print("month x weekday profile MAE:", round(np.mean(np.abs(y.to_numpy() - naive)), 3))
print("test Poisson deviance:", round(dev, 1))
print("busiest predicted days:")
print(test.assign(pred=mu).nlargest(5, "pred")[["date", "openings", "pred"]].round(2))
