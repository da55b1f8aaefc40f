# label: leakage/none
"""Predict which school-bus morning runs will reach school more than five minutes late."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
from sklearn.metrics import brier_score_loss, roc_auc_score

runs = pd.read_csv("data/bus_morning_runs.csv", parse_dates=["run_date", "sched_depart", "sched_arrive"])
routes = pd.read_csv("data/bus_routes.csv")
buses = pd.read_csv("data/fleet.csv")
weather = pd.read_csv("data/weather_0600.csv", parse_dates=["run_date"])
radio = pd.read_csv("data/dispatch_radio_log.csv", parse_dates=["logged_at"])

runs = (runs.merge(routes, on="route_id", how="left")
            .merge(buses[["bus_id", "model_year", "capacity"]], on="bus_id", how="left")
            .merge(weather, on="run_date", how="left"))
runs = runs[runs["status"] != "cancelled"].copy()
runs["late"] = (runs["minutes_late"] > 5).astype(int)
runs["bus_age"] = runs["run_date"].dt.year - runs["model_year"]
runs["dow"] = runs["run_date"].dt.day_name().str[:3]
runs["load_factor"] = runs["students_registered"] / runs["capacity"]
runs["snow_cm"] = runs["snow_cm"].fillna(0.0)
runs["rain_mm"] = runs["rain_mm"].fillna(0.0)

# contacts with dispatch for each run before it leaves the depot: call-ins, road reports, mechanical
radio = radio.merge(runs[["run_id", "sched_depart"]], on="run_id", how="inner")
radio = radio[radio["logged_at"] < radio["sched_depart"]]
calls = (radio.groupby("run_id")
              .agg(n_calls=("call_type", "size"),
                   n_road_reports=("call_type", lambda s: int((s == "road_report").sum())))
              .reset_index())
runs = runs.merge(calls, on="run_id", how="left")
runs[["n_calls", "n_road_reports"]] = runs[["n_calls", "n_road_reports"]].fillna(0)

cols = ["late", "route_km", "stops", "load_factor", "bus_age", "substitute_driver",
        "snow_cm", "rain_mm", "temp_c", "dow", "n_calls", "n_road_reports", "run_date"]
runs = runs[cols].dropna()

# train on last school year, test on the current one
train = runs[runs["run_date"] < "2023-08-15"]
test = runs[runs["run_date"] >= "2023-08-15"]

formula = ("late ~ np.log(route_km) + stops + load_factor + bus_age + substitute_driver"
           " + snow_cm + rain_mm + temp_c + C(dow) + n_calls + n_road_reports")
logit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(logit.summary2().tables[1].round(3))

p_late = logit.predict(test)
print(f"test runs {len(test)}, late share {test['late'].mean():.3f}")
print(f"ROC AUC {roc_auc_score(test['late'], p_late):.3f}")
print(f"Brier   {brier_score_loss(test['late'], p_late):.4f}")
top = test.assign(p=p_late).sort_values("p", ascending=False).head(int(0.1 * len(test)))
print(f"late share in top decile of risk: {top['late'].mean():.3f}")
