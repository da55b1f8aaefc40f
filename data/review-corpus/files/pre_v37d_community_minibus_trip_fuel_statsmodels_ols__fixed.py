# label: leakage/none
"""Fuel benchmark per trip for the community transport minibus fleet (dial-a-ride).

Trips are logged by drivers on the tablet app; fuel, idle time and climb come from
the telematics boxes. The benchmark is used in monthly driver feedback sheets.
"""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

TRIPS = "fleet/minibus_trips.csv"
CUTOFF = "2024-01-01"
NUMERIC = ["distance_km", "passengers", "wheelchair_users", "climb_m", "stops", "ambient_temp_c", "idle_minutes"]


def read_trips(path):
    trips = pd.read_csv(path, parse_dates=["trip_date"])
    trips = trips[(trips["distance_km"] > 0.5) & (trips["fuel_l"] > 0)]
    trips["vehicle"] = trips["vehicle_reg"].astype("category")
    trips["urban"] = (trips["route_type"] == "urban").astype(int)
    trips["winter"] = trips["trip_date"].dt.month.isin([11, 12, 1, 2]).astype(int)
    return trips


def fill_and_scale(frame, medians, means, stds):
    out = frame.copy()
    out[NUMERIC] = out[NUMERIC].fillna(medians)
    for col in NUMERIC:
        out[f"{col}_z"] = (out[col] - means[col]) / stds[col]
    return out


trips = read_trips(TRIPS)
print(trips[NUMERIC].isna().mean().round(3))

train = trips[trips["trip_date"] < CUTOFF]
test = trips[trips["trip_date"] >= CUTOFF]

medians = train[NUMERIC].median()
means = train[NUMERIC].fillna(medians).mean()
stds = train[NUMERIC].fillna(medians).std()
train = fill_and_scale(train, medians, means, stds)
test = fill_and_scale(test, medians, means, stds)
print(f"train {len(train)} trips, test {len(test)} trips")

formula = (
    "fuel_l ~ distance_km_z + passengers_z + wheelchair_users_z + climb_m_z + stops_z"
    " + ambient_temp_c_z + idle_minutes_z + urban + winter + distance_km_z:urban + C(vehicle)"
)
ols = smf.ols(formula, data=train).fit(cov_type="HC3")
print(ols.summary().tables[1])

pred = ols.predict(test)
resid = test["fuel_l"] - pred
rmse = np.sqrt(np.mean(resid**2))
mape = np.mean(np.abs(resid) / test["fuel_l"])
print(f"test RMSE {rmse:.3f} L, MAPE {mape:.1%}")

per_100km = (
    test.assign(pred=pred)
    .groupby("vehicle", observed=True)[["fuel_l", "pred", "distance_km"]]
    .sum()
    .assign(actual_l_100km=lambda d: 100 * d["fuel_l"] / d["distance_km"],
            model_l_100km=lambda d: 100 * d["pred"] / d["distance_km"])
)
print(per_100km[["actual_l_100km", "model_l_100km"]].round(2))
