# label: leakage/preprocessing
"""Returned (uneaten) economy meals per flight, hub catering unit.

Flight schedule + booked load at T-24h from the airline feed, meal uplift from
the catering production plan, and returned meal counts from the wash-up scan.
Flights are grouped into service profiles with k-means, and the profile id and
distances are given to the booster.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.cluster import KMeans
from sklearn.metrics import mean_absolute_error
from sklearn.preprocessing import StandardScaler

PROFILE_COLS = ["block_minutes", "dep_hour", "booked_pax_t24", "booked_biz_t24",
                "pct_connecting", "pct_children", "special_meals_t24"]
N_PROFILES = 9
TEST_FROM = "2024-03-01"


def load_flights():
    sched = pd.read_csv("feeds/flight_schedule.csv", parse_dates=["sched_dep"])
    loads = pd.read_csv("feeds/booked_load_t24.csv")
    uplift = pd.read_csv("feeds/production_plan.csv")
    returns = pd.read_csv("feeds/washup_returns.csv")
    df = (sched.merge(loads, on="flight_key")
               .merge(uplift, on="flight_key")
               .merge(returns[["flight_key", "returned_econ_meals"]], on="flight_key"))
    df["dep_hour"] = df["sched_dep"].dt.hour
    df["weekday"] = df["sched_dep"].dt.weekday
    df["uplift_ratio"] = df["econ_meals_uplifted"] / df["booked_pax_t24"].clip(lower=1)
    df["pct_connecting"] = df["connecting_pax_t24"] / df["booked_pax_t24"].clip(lower=1)
    df["pct_children"] = df["child_pax_t24"] / df["booked_pax_t24"].clip(lower=1)
    return df.sort_values("sched_dep").reset_index(drop=True)


def profile_features(km, scaled):
    dist = km.transform(scaled)
    out = pd.DataFrame(dist, columns=[f"dist_p{i}" for i in range(km.n_clusters)])
    out["profile"] = dist.argmin(axis=1)
    return out


flights = load_flights()
is_test = flights["sched_dep"] >= TEST_FROM

scaler = StandardScaler()
scaled_all = scaler.fit_transform(flights[PROFILE_COLS])
km = KMeans(n_clusters=N_PROFILES, n_init=20, random_state=0).fit(scaled_all)
prof = profile_features(km, scaled_all)
flights = pd.concat([flights, prof], axis=1)
print(flights[~is_test].groupby("profile")["returned_econ_meals"].agg(["count", "mean"]).round(1))

feature_cols = (PROFILE_COLS + ["weekday", "uplift_ratio", "econ_meals_uplifted", "profile"]
                + [f"dist_p{i}" for i in range(N_PROFILES)])
train, test = flights[~is_test], flights[is_test]

model = xgb.XGBRegressor(
    n_estimators=900, max_depth=6, learning_rate=0.03, subsample=0.85,
    colsample_bytree=0.8, objective="count:poisson", random_state=0,
)
model.fit(train[feature_cols], train["returned_econ_meals"])

pred = model.predict(test[feature_cols])
mae = mean_absolute_error(test["returned_econ_meals"], pred)
base = mean_absolute_error(test["returned_econ_meals"],
                           np.full(len(test), train["returned_econ_meals"].median()))
print(f"flights in test: {len(test)}")
print(f"MAE returned meals per flight: {mae:.2f} (median baseline {base:.2f})")
by_profile = (test.assign(abs_err=np.abs(test["returned_econ_meals"] - pred))
                  .groupby("profile")["abs_err"].mean().round(2))
print(by_profile.to_string())
