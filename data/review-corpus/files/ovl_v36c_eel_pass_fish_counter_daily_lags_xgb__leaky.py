# label: leakage/overlap
# Nightly silver eel counts at the weir fish pass, modelled from recent counts
# and river conditions from the gauging station.
import numpy as np
import pandas as pd
import xarray as xr
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

COUNTS_CSV = "data/eel_pass_counts.csv"
GAUGE_NC = "data/river_gauge_15min.nc"
STATION = "weir_upstream"

counts = pd.read_csv(COUNTS_CSV, parse_dates=["date"])
counts = counts.groupby("date", as_index=False)["eels"].sum()
counts = counts.set_index("date").asfreq("D")
counts["eels"] = counts["eels"].fillna(0)

# 15-minute gauge readings -> daily means
ds = xr.open_dataset(GAUGE_NC).sel(station=STATION)
daily = ds[["discharge_m3s", "water_temp_c", "turbidity_ntu"]].resample(time="1D").mean()
gauge = daily.to_dataframe().drop(columns=["station"], errors="ignore")
gauge.index = gauge.index.rename("date")

df = counts.join(gauge, how="left").sort_index()
df[["discharge_m3s", "water_temp_c", "turbidity_ntu"]] = (
    df[["discharge_m3s", "water_temp_c", "turbidity_ntu"]].ffill(limit=3)
)

# Conditions up to the previous day, plus moon phase for the coming night
df["discharge_lag1"] = df["discharge_m3s"].shift(1)
df["discharge_rise"] = df["discharge_m3s"].shift(1) - df["discharge_m3s"].shift(2)
df["temp_lag1"] = df["water_temp_c"].shift(1)
df["turbidity_lag1"] = df["turbidity_ntu"].shift(1)
for lag in (1, 2, 3, 7):
    df[f"eels_lag{lag}"] = df["eels"].shift(lag)
df["eels_mean7"] = df["eels"].shift(1).rolling(7).mean()
df["eels_max14"] = df["eels"].shift(1).rolling(14).max()

lunar_days = (df.index - pd.Timestamp("2000-01-06")).days % 29.530588
df["moon_illum"] = 0.5 * (1 - np.cos(2 * np.pi * lunar_days / 29.530588))
df["doy_sin"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25)
df["doy_cos"] = np.cos(2 * np.pi * df.index.dayofyear / 365.25)

FEATURES = [
    "discharge_lag1", "discharge_rise", "temp_lag1", "turbidity_lag1",
    "eels_lag1", "eels_lag2", "eels_lag3", "eels_lag7", "eels_mean7", "eels_max14",
    "moon_illum", "doy_sin", "doy_cos",
]
df = df.dropna(subset=FEATURES + ["eels"])

X = df[FEATURES]
y = df["eels"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

model = XGBRegressor(
    objective="count:poisson",
    n_estimators=700,
    learning_rate=0.03,
    max_depth=5,
    subsample=0.8,
    colsample_bytree=0.8,
    random_state=42,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)

naive = X_test["eels_lag1"]
print(f"Days: train {len(X_train)}, test {len(X_test)}")
print(f"MAE model: {mean_absolute_error(y_test, pred):.2f} eels/night")
print(f"MAE yesterday's count: {mean_absolute_error(y_test, naive):.2f} eels/night")
print(f"Poisson deviance: {mean_poisson_deviance(y_test, np.clip(pred, 1e-6, None)):.3f}")

gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
print(gain.sort_values(ascending=False).round(1).to_string())
