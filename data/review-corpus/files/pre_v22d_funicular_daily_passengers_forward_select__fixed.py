# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.feature_selection import SequentialFeatureSelector
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

CFG = {
    "rides": "data/funicular_daily_rides.csv",
    "weather": "data/summit_weather_daily.csv",
    "events": "data/town_events.csv",
    "n_features": 10,
    "alpha": 3.0,
    "folds": 6,
}


def load_frame(cfg):
    rides = pd.read_csv(cfg["rides"], parse_dates=["date"])
    weather = pd.read_csv(cfg["weather"], parse_dates=["date"])
    events = pd.read_csv(cfg["events"], parse_dates=["date"])
    events = events.groupby("date").agg(n_events=("event_id", "size"), expected_visitors=("expected_visitors", "sum"))
    df = rides.merge(weather, on="date", how="left").merge(events, on="date", how="left")
    df[["n_events", "expected_visitors"]] = df[["n_events", "expected_visitors"]].fillna(0)
    df = df.sort_values("date").reset_index(drop=True)
    return df


def calendar_features(df):
    out = pd.DataFrame(index=df.index)
    dow = df["date"].dt.dayofweek
    doy = df["date"].dt.dayofyear
    for d in range(7):
        out[f"dow_{d}"] = (dow == d).astype(int)
    out["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    out["school_holiday"] = df["school_holiday"].astype(int)
    out["public_holiday"] = df["public_holiday"].astype(int)
    out["cruise_ship_in_port"] = df["cruise_ship_in_port"].astype(int)
    return out


def weather_features(df):
    cols = ["temp_max_c", "temp_min_c", "precip_mm", "wind_gust_kmh", "sunshine_h",
            "cloud_cover_pct", "visibility_km", "snow_depth_cm"]
    out = df[cols].ffill(limit=3).fillna(0.0)
    out["rain_day"] = (df["precip_mm"].fillna(0) > 1.0).astype(int)
    out["clear_summit"] = ((df["cloud_cover_pct"] < 30) & (df["visibility_km"] > 20)).astype(int)
    return out


frame = load_frame(CFG)
X = pd.concat([calendar_features(frame), weather_features(frame),
               frame[["n_events", "expected_visitors", "cars_in_service", "fare_adult_eur"]]], axis=1)
y = np.log1p(frame["passengers"])
print(X.shape, frame["date"].min().date(), frame["date"].max().date())

cv = TimeSeriesSplit(n_splits=CFG["folds"], test_size=60)
ridge = Pipeline([("scale", StandardScaler()), ("ridge", Ridge(alpha=CFG["alpha"]))])

selector = SequentialFeatureSelector(
    ridge, n_features_to_select=CFG["n_features"], direction="forward",
    scoring="neg_mean_absolute_error", cv=cv,
)
model = Pipeline([("select", selector), ("scale", StandardScaler()), ("ridge", Ridge(alpha=CFG["alpha"]))])
scores = cross_validate(model, X, y, cv=cv,
                        scoring=["neg_mean_absolute_error", "r2"], return_estimator=True)
print(f"MAE (log passengers): {-scores['test_neg_mean_absolute_error'].mean():.3f}")
print(f"R2: {scores['test_r2'].mean():.3f}")

last = scores["estimator"][-1]
chosen = list(X.columns[last.named_steps["select"].get_support()])
print("selected (last fold):", chosen)
coefs = pd.Series(last.named_steps["ridge"].coef_, index=chosen).sort_values()
coefs.plot.barh(figsize=(6, 5), title="ridge coefficients (last fold)")
plt.tight_layout()
plt.savefig("funicular_coefs.png", dpi=110)
