# label: leakage/target
"""Ranking orchards for tomorrow's dog visits: Probability that a hunt finds at least one truffle."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import roc_auc_score, log_loss

HUNTS = "hunt_sessions.csv"
TRACKS = "collar_tracks.parquet"
WEATHER = "orchard_weather_daily.csv"
CUTOFF = "2023-07-01"


def track_summary(tracks):
    """Per-session summary of the dog's GPS collar trace."""
    tracks = tracks.sort_values(["session_id", "ts"])
    tracks["step_m"] = tracks.groupby("session_id")["dist_from_prev_m"].transform(lambda s: s.fillna(0))
    tracks["is_stop"] = tracks["speed_mps"] < 0.1
    agg = tracks.groupby("session_id").agg(
        km_walked=("step_m", lambda s: s.sum() / 1000),
        dig_stops=("is_stop", "sum"),
        minutes=("ts", lambda s: (s.max() - s.min()).total_seconds() / 60),
    )
    return agg.reset_index()


def weather_lags(weather):
    weather = weather.sort_values(["orchard_id", "date"])
    g = weather.groupby("orchard_id")
    weather["rain_14d_mm"] = g["rain_mm"].transform(lambda s: s.shift(1).rolling(14, min_periods=7).sum())
    weather["soil_temp_7d"] = g["soil_temp_c"].transform(lambda s: s.shift(1).rolling(7, min_periods=4).mean())
    return weather[["orchard_id", "date", "rain_14d_mm", "soil_temp_7d"]]


hunts = pd.read_csv(HUNTS, parse_dates=["date"])
tracks = pd.read_parquet(TRACKS)
weather = pd.read_csv(WEATHER, parse_dates=["date"])

df = (hunts
      .merge(track_summary(tracks), on="session_id", how="left")
      .merge(weather_lags(weather), on=["orchard_id", "date"], how="left")
      .dropna(subset=["rain_14d_mm", "soil_temp_7d"]))
df["found"] = (df["truffles_found"] > 0).astype(int)
df["month"] = df["date"].dt.month.astype(str)
df["dig_stops"] = df["dig_stops"].fillna(0)

print(df.groupby("orchard_id")[["km_walked", "minutes"]].mean().round(1))

train = df[df["date"] < CUTOFF]
test = df[df["date"] >= CUTOFF]
print(f"train {len(train)} hunts, test {len(test)} hunts, find rate {train['found'].mean():.2f}")

formula = ("found ~ rain_14d_mm + soil_temp_7d + I(soil_temp_7d ** 2) + tree_age_years"
           " + C(host_tree) + C(month) + C(dog_name) + days_since_last_hunt + dig_stops")
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1].round(3))

p_test = fit.predict(test)
print("test AUC      %.3f" % roc_auc_score(test["found"], p_test))
print("test log-loss %.3f" % log_loss(test["found"], np.clip(p_test, 1e-6, 1 - 1e-6)))

tomorrow = test.sort_values("date").groupby("orchard_id").tail(1).copy()
tomorrow["p_find"] = fit.predict(tomorrow)
print(tomorrow.sort_values("p_find", ascending=False)[["orchard_id", "host_tree", "p_find"]].head(10))
