# label: leakage/target
"""Next-day footfall for the council's street markets.

Pedestrian counters at each market entrance, aggregated to daily totals and
stored as a (time, market) cube together with the evening-before weather
forecast and the number of stalls booked for the day.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CUTOFF = "2024-03-01"


def load_cube(path):
    ds = xr.open_dataset(path)
    ds = ds.sel(time=slice("2021-06-01", None))
    ds["footfall"] = ds["footfall"].where(ds["counter_ok"] == 1)
    return ds


def add_features(ds):
    ff = ds["footfall"]
    ds["lag_1"] = ff.shift(time=1)
    ds["lag_7"] = ff.shift(time=7)
    ds["mean_7d"] = ff.rolling(time=7, min_periods=5).mean()
    ds["mean_28d"] = ff.shift(time=1).rolling(time=28, min_periods=20).mean()
    ds["dow"] = ds["time"].dt.dayofweek
    ds["month"] = ds["time"].dt.month
    return ds


ds = add_features(load_cube("markets/footfall_daily.nc"))
df = (
    ds[["footfall", "lag_1", "lag_7", "mean_7d", "mean_28d", "rain_forecast_mm",
        "temp_forecast_c", "stalls_booked", "bank_holiday", "dow", "month"]]
    .to_dataframe()
    .reset_index()
    .dropna()
)
df["log_footfall"] = np.log1p(df["footfall"])

NUMERIC = ["lag_1", "lag_7", "mean_7d", "mean_28d", "rain_forecast_mm",
           "temp_forecast_c", "stalls_booked", "bank_holiday"]
CATEGORICAL = ["market", "dow", "month"]

train = df[df["time"] < CUTOFF]
test = df[df["time"] >= CUTOFF]

model = Pipeline([
    ("pre", ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    ])),
    ("ridge", Ridge(alpha=3.0)),
])
model.fit(train[NUMERIC + CATEGORICAL], train["log_footfall"])

test = test.assign(pred=np.expm1(model.predict(test[NUMERIC + CATEGORICAL])))
mae = mean_absolute_error(test["footfall"], test["pred"])
mape = (np.abs(test["pred"] - test["footfall"]) / test["footfall"].clip(lower=1)).mean()
print(f"test days: {test['time'].nunique()}, markets: {test['market'].nunique()}")
print(f"MAE {mae:.0f} visitors/day, MAPE {mape:.1%}")

per_market = test.groupby("market").apply(
    lambda g: pd.Series({
        "mae": mean_absolute_error(g["footfall"], g["pred"]),
        "mean_footfall": g["footfall"].mean(),
    })
)
print(per_market.round(1))
