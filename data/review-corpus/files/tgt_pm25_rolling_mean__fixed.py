# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

aq = pd.read_csv("data/city_air_quality_hourly.csv", parse_dates=["timestamp"])
aq = aq.set_index("timestamp").sort_index().asfreq("h")

aq["pm25_lag1"] = aq["pm25"].shift(1)
aq["pm25_lag24"] = aq["pm25"].shift(24)
aq["pm25_mean_24h"] = aq["pm25"].shift(1).rolling(24, min_periods=18).mean()
aq["hour"] = aq.index.hour
aq["weekend"] = (aq.index.dayofweek >= 5).astype(int)

needed = ["pm25", "pm25_lag1", "pm25_lag24", "pm25_mean_24h",
          "temp_c", "rel_humidity", "wind_speed_ms"]
aq = aq.dropna(subset=needed)

formula = (
    "np.log1p(pm25) ~ np.log1p(pm25_lag1) + np.log1p(pm25_lag24)"
    " + np.log1p(pm25_mean_24h) + temp_c + rel_humidity + wind_speed_ms"
    " + C(hour) + weekend"
)

cutoff = aq.index[int(len(aq) * 0.8)]
train = aq[aq.index < cutoff]
test = aq[aq.index >= cutoff]

model = smf.ols(formula, data=train).fit(cov_type="HAC", cov_kwds={"maxlags": 24})
print(model.summary().tables[1])

pred = np.expm1(model.predict(test))
rmse = np.sqrt(np.mean((test["pm25"] - pred) ** 2))
persistence = np.sqrt(np.mean((test["pm25"] - test["pm25_lag1"]) ** 2))
print(f"test RMSE: {rmse:.2f} ug/m3 (persistence baseline {persistence:.2f})")
