# label: leakage/preprocessing
"""Model how many minutes a rural postal van round overruns its scheduled duration, with an OLS formula model."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

rounds = pd.read_csv("van_rounds.csv", parse_dates=["round_date"])
routes = pd.read_csv("route_master.csv")
weather = pd.read_csv("met_daily.csv", parse_dates=["date"])

df = rounds.merge(routes[["route_id", "depot", "scheduled_min", "km_unpaved", "n_drop_points"]],
                  on="route_id", how="left")
df = df.merge(weather.rename(columns={"date": "round_date"}), on=["round_date", "depot"], how="left")
df = df[df["status"] == "completed"].copy()
df["overrun_min"] = df["actual_min"] - df["scheduled_min"]
df = df[df["overrun_min"].between(-90, 240)]
df["dow"] = df["round_date"].dt.day_name().str[:3]
df["december"] = (df["round_date"].dt.month == 12).astype(int)
df["snow"] = (df["snow_cm"].fillna(0) > 1).astype(int)
df["relief_driver"] = (df["driver_type"] == "relief").astype(int)

# parcel manifests are missing on some days; use the route's typical count
route_med = df.groupby("route_id")["parcels_manifest"].transform("median")
df["parcels_manifest"] = df["parcels_manifest"].fillna(route_med)
df["parcels_manifest"] = df["parcels_manifest"].fillna(df["parcels_manifest"].median())
df["rain_mm"] = df["rain_mm"].fillna(0)
df["parcels_per_drop"] = df["parcels_manifest"] / df["n_drop_points"].clip(lower=1)

cutoff = pd.Timestamp("2024-01-01")
train = df[df["round_date"] < cutoff]
test = df[df["round_date"] >= cutoff]
print(f"train rounds={len(train)}  test rounds={len(test)}")

formula = ("overrun_min ~ parcels_manifest + parcels_per_drop + km_unpaved + rain_mm + snow"
           " + december + relief_driver + C(dow) + C(depot)")
ols = smf.ols(formula, data=train).fit(cov_type="cluster", cov_kwds={"groups": train["route_id"]})
print(ols.summary().tables[1])

pred = ols.predict(test)
err = test["overrun_min"] - pred
print(f"test MAE  = {err.abs().mean():.2f} min")
print(f"test RMSE = {np.sqrt((err ** 2).mean()):.2f} min")
baseline = test["overrun_min"] - train["overrun_min"].mean()
print(f"mean-only MAE = {baseline.abs().mean():.2f} min")
late = (test["overrun_min"] > 30).astype(int)
hit = ((pred > 30).astype(int) == late).mean()
print(f"overrun>30min agreement = {hit:.3f}")
