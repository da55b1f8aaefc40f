# label: leakage/none
# Puffin island boat trips: probability a scheduled sailing is called off for sea state.
# Decision is made by the skipper at 18:00 the evening before, using the
# inshore forecast; this model is meant to give customers an earlier heads-up.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

departures = pd.read_csv("bookings/sailings_2018_2024.csv", parse_dates=["tour_date"])
forecast = pd.read_csv("met/inshore_forecast_1700.csv", parse_dates=["valid_date"])
ops_log = pd.read_csv("ops/daily_ops_log.csv", parse_dates=["log_date"])

departures = departures[departures["route"].isin(["puffin_island", "seal_colony", "headland_circuit"])]
departures["cancelled"] = (departures["outcome"] == "cancelled_weather").astype(int)

forecast = forecast.rename(columns={"valid_date": "tour_date"})
ops_log = ops_log.rename(columns={"log_date": "tour_date"})[["tour_date", "boats_launched"]]

df = (
    departures.merge(forecast, on="tour_date", how="left")
    .merge(ops_log, on="tour_date", how="left")
    .dropna(subset=["fc_wind_kt", "fc_swell_m", "fc_swell_period_s"])
)
df["boats_launched"] = df["boats_launched"].fillna(0)

# onshore component of the wind at the west-facing landing jetty
df["onshore_kt"] = df["fc_wind_kt"] * np.cos(np.deg2rad(df["fc_wind_dir_deg"] - 270)).clip(lower=0)
df["swell_energy"] = df["fc_swell_m"] ** 2 * df["fc_swell_period_s"]
df["low_tide_window"] = df["first_low_water"].between("09:00", "15:00").astype(int)
df["month"] = df["tour_date"].dt.month
df["shoulder_season"] = df["month"].isin([4, 5, 9, 10]).astype(int)

train = df[df["tour_date"].dt.year <= 2022]
test = df[df["tour_date"].dt.year >= 2023]
print(f"train sailings {len(train)}, test sailings {len(test)}")
print(f"cancel rate train {train['cancelled'].mean():.1%}, test {test['cancelled'].mean():.1%}")

formula = (
    "cancelled ~ onshore_kt + fc_wind_gust_kt + np.log1p(swell_energy) + fc_swell_m:C(route)"
    " + low_tide_window + shoulder_season + C(route) + group_size"
)
fit = smf.logit(formula, data=train).fit(maxiter=200, disp=False)
print(fit.summary())

test = test.assign(p_cancel=fit.predict(test))
print(f"test AUC   {roc_auc_score(test['cancelled'], test['p_cancel']):.3f}")
print(f"test Brier {brier_score_loss(test['cancelled'], test['p_cancel']):.4f}")

test["band"] = pd.cut(test["p_cancel"], [0, 0.1, 0.3, 0.6, 1.0], include_lowest=True)
calib = test.groupby("band", observed=True).agg(
    sailings=("cancelled", "size"),
    predicted=("p_cancel", "mean"),
    observed=("cancelled", "mean"),
)
print(calib.round(3).to_string())

odds = np.exp(fit.params).rename("odds_ratio")
print(odds.round(3).to_string())
