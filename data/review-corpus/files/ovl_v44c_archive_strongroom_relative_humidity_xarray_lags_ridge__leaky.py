# label: leakage/overlap
# Strongroom humidity outlook: predict relative humidity six hours ahead in
# each archive strongroom so the conservation team can step up the
# dehumidifiers before the 60% RH alarm level is reached.
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HORIZON = 6  # hours ahead
LAGS = [1, 2, 3, 6, 12, 24]
ALARM_RH = 60.0

ds = xr.open_dataset("loggers/strongrooms_hourly.nc")  # dims: time, room
ds = ds[["rh", "temp_c", "outdoor_rh", "outdoor_temp_c", "door_open_min", "dehumidifier_kw"]]
ds = ds.resample(time="1h").mean()
ds = ds.ffill(dim="time", limit=3)

feats = xr.Dataset()
for lag in LAGS:
    feats[f"rh_lag{lag}"] = ds["rh"].shift(time=lag)
    feats[f"temp_lag{lag}"] = ds["temp_c"].shift(time=lag)
feats["rh_now"] = ds["rh"]
feats["temp_now"] = ds["temp_c"]
feats["outdoor_rh"] = ds["outdoor_rh"]
feats["outdoor_temp_c"] = ds["outdoor_temp_c"]
feats["door_open_24h"] = ds["door_open_min"].rolling(time=24).sum()
feats["dehum_kw_6h"] = ds["dehumidifier_kw"].rolling(time=6).mean()
feats["rh_mean_24h"] = ds["rh"].rolling(time=24).mean()
hour = ds["time"].dt.hour
feats["hour_sin"] = np.sin(2 * np.pi * hour / 24)
feats["hour_cos"] = np.cos(2 * np.pi * hour / 24)
feats["target"] = ds["rh"].shift(time=-HORIZON)

df = feats.to_dataframe().dropna().reset_index()
FEATURES = [c for c in df.columns if c not in ("time", "room", "target")]
print(df.shape, "rooms:", df["room"].nunique())

train, test = train_test_split(df, test_size=0.2, shuffle=True, random_state=5)

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 13)))
model.fit(train[FEATURES], train["target"])
test = test.assign(pred=model.predict(test[FEATURES]))

mae = mean_absolute_error(test["target"], test["pred"])
persistence = mean_absolute_error(test["target"], test["rh_now"])
print(f"ridge alpha       {model[-1].alpha_:.3g}")
print(f"MAE (model)       {mae:.2f} %RH")
print(f"MAE (persistence) {persistence:.2f} %RH")

per_room = test.groupby("room").apply(
    lambda g: pd.Series({
        "mae": mean_absolute_error(g["target"], g["pred"]),
        "alarm_hours": int((g["target"] >= ALARM_RH).sum()),
        "alarm_caught": float(((g["pred"] >= ALARM_RH - 2) & (g["target"] >= ALARM_RH)).sum()
                              / max((g["target"] >= ALARM_RH).sum(), 1)),
    })
)
print(per_room.round(2).to_string())

coefs = pd.Series(model[-1].coef_, index=FEATURES).sort_values(key=np.abs, ascending=False)
print(coefs.head(10).round(3).to_string())
