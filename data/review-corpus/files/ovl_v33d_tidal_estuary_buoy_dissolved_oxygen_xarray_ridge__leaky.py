# label: leakage/overlap
"""Next-day minimum bottom dissolved oxygen at the mid-estuary buoy.

Reads the 15-minute buoy profile archive (time x depth), aggregates to daily
values and fits a ridge model used for the hypoxia advisory to shellfish
growers.
"""
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

BUOY_NC = "data/mid_estuary_buoy_2016_2023.nc"
RIVER_CSV = "data/upstream_gauge_daily_flow.csv"
HYPOXIA_MG_L = 4.0


def daily_table(path):
    ds = xr.open_dataset(path)
    surface = ds.sel(depth=slice(0, 1.5)).mean("depth")
    bottom = ds.isel(depth=-1)

    daily = xr.Dataset(
        {
            "do_bottom_min": bottom["dissolved_oxygen"].resample(time="1D").min(),
            "do_bottom_mean": bottom["dissolved_oxygen"].resample(time="1D").mean(),
            "do_surface_mean": surface["dissolved_oxygen"].resample(time="1D").mean(),
            "temp_bottom": bottom["temperature"].resample(time="1D").mean(),
            "temp_surface": surface["temperature"].resample(time="1D").mean(),
            "sal_bottom": bottom["salinity"].resample(time="1D").mean(),
            "sal_surface": surface["salinity"].resample(time="1D").mean(),
            "chl_surface": surface["chlorophyll"].resample(time="1D").mean(),
            "tide_range": ds["water_level"].resample(time="1D").max()
            - ds["water_level"].resample(time="1D").min(),
        }
    )
    daily["stratification"] = daily["sal_bottom"] - daily["sal_surface"]
    daily["temp_gradient"] = daily["temp_surface"] - daily["temp_bottom"]
    return daily.to_dataframe()


def add_features(df, river):
    df = df.join(river, how="left")
    df["river_flow_m3s"] = df["river_flow_m3s"].ffill(limit=3)
    df["river_flow_3d"] = df["river_flow_m3s"].rolling(3).mean()
    for lag in (1, 2, 3):
        df[f"do_bottom_min_lag{lag}"] = df["do_bottom_min"].shift(lag)
    df["chl_3d"] = df["chl_surface"].rolling(3).mean()
    doy = df.index.dayofyear
    df["doy_sin"] = np.sin(2 * np.pi * doy / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * doy / 365.25)
    df["target"] = df["do_bottom_min"].shift(-1)
    return df.dropna()


river = pd.read_csv(RIVER_CSV, parse_dates=["date"], index_col="date")[["river_flow_m3s"]]
table = add_features(daily_table(BUOY_NC), river)

features = [
    "do_bottom_min", "do_bottom_mean", "do_surface_mean", "temp_bottom", "temp_surface",
    "stratification", "temp_gradient", "chl_surface", "chl_3d", "tide_range",
    "river_flow_m3s", "river_flow_3d", "do_bottom_min_lag1", "do_bottom_min_lag2",
    "do_bottom_min_lag3", "doy_sin", "doy_cos",
]

rng = np.random.default_rng(5)
days = rng.permutation(len(table))
n_test = int(0.2 * len(table))
test = table.iloc[days[:n_test]]
train = table.iloc[days[n_test:]]
print(f"train days {len(train)}, test days {len(test)}")

model = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 3, 25)))
model.fit(train[features], train["target"])

pred = model.predict(test[features])
mae = mean_absolute_error(test["target"], pred)
r2 = r2_score(test["target"], pred)
hit = ((pred < HYPOXIA_MG_L) & (test["target"] < HYPOXIA_MG_L)).sum()
actual = (test["target"] < HYPOXIA_MG_L).sum()

print(f"alpha {model[-1].alpha_:.3g}")
print(f"test MAE {mae:.2f} mg/L, R2 {r2:.3f}")
print(f"hypoxic days caught: {hit}/{actual}")
coefs = pd.Series(model[-1].coef_, index=features).sort_values(key=np.abs, ascending=False)
print(coefs.round(3).head(10))
