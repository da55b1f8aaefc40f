# label: leakage/none
# Next-hour HVAC electricity for the leisure centre sports halls.
# BMS export: hourly kWh per air-handling zone plus outdoor temperature and
# the booking system's scheduled occupancy.
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

ds = xr.open_dataset("bms/sports_halls_hourly.nc")
ds = ds.sel(time=slice("2022-09-01", "2024-08-31"))

hall_kwh = ds["ahu_kwh"].sum(dim="zone")
occupancy = ds["booked_courts"].sum(dim="zone")
outdoor = ds["outdoor_temp_c"].ffill(dim="time", limit=3)

frame = xr.Dataset(
    {
        "kwh": hall_kwh,
        "booked": occupancy,
        "temp": outdoor,
    }
).to_dataframe()

frame["hour"] = frame.index.hour
frame["dow"] = frame.index.dayofweek
frame["month"] = frame.index.month
frame["heating_deg"] = np.clip(16.0 - frame["temp"], 0, None)
frame["cooling_deg"] = np.clip(frame["temp"] - 22.0, 0, None)

for lag in [1, 2, 3, 24, 48, 168]:
    frame[f"kwh_lag{lag}"] = frame["kwh"].shift(lag)
frame["kwh_prev24_mean"] = frame["kwh"].shift(1).rolling(24).mean()
frame["kwh_prev168_max"] = frame["kwh"].shift(1).rolling(168).max()
frame["temp_prev3_mean"] = frame["temp"].shift(1).rolling(3).mean()
frame["booked_prev"] = frame["booked"].shift(1)

frame = frame.dropna()
features = [c for c in frame.columns if c != "kwh"]
X, y = frame[features], frame["kwh"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
print(f"train {len(X_train)} h, test {len(X_test)} h")

model = HistGradientBoostingRegressor(
    max_iter=500,
    learning_rate=0.05,
    max_leaf_nodes=31,
    min_samples_leaf=40,
    l2_regularization=0.5,
    categorical_features=[features.index("dow")],
    random_state=0,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

mae = mean_absolute_error(y_test, pred)
naive_mae = mean_absolute_error(y_test, X_test["kwh_lag24"])
print(f"MAE: {mae:.2f} kWh  (same-hour-yesterday: {naive_mae:.2f} kWh)")
print(f"Skill vs naive: {1 - mae / naive_mae:.1%}")

by_hour = pd.DataFrame({"hour": X_test["hour"], "err": np.abs(y_test - pred)})
print(by_hour.groupby("hour")["err"].mean().round(2).to_string())
