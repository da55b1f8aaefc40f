# label: leakage/preprocessing
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.neighbors import KNeighborsRegressor
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error

NUM_COLS = [
    "cycle_seconds",
    "pump_pressure_bar",
    "nozzle_count",
    "vehicle_length_m",
    "ambient_temp_c",
    "water_hardness_dh",
    "reclaim_tank_pct",
    "prewash_seconds",
    "dryer_seconds",
]
CAT_COLS = ["wash_program", "vehicle_class", "site_code"]
TARGET = "fresh_water_l"
SPLIT_DATE = "2024-03-01"


def read_cycles():
    cycles = pd.read_parquet("telemetry/wash_cycles.parquet")
    sites = pd.read_csv("telemetry/sites.csv")
    df = cycles.merge(sites[["site_code", "reclaim_installed"]], on="site_code", how="left")
    df = df[df["status"] == "completed"]
    df = df[df["cycle_seconds"].between(60, 1200)]
    df["started_at"] = pd.to_datetime(df["started_at"])
    df["is_winter"] = df["started_at"].dt.month.isin([12, 1, 2]).astype(int)
    return df


def scale_block(frame):
    scaler = StandardScaler()
    return scaler.fit_transform(frame[NUM_COLS])


df = read_cycles()
train = df[df["started_at"] < SPLIT_DATE]
test = df[df["started_at"] >= SPLIT_DATE]
print(f"train {len(train)} cycles, test {len(test)} cycles")

enc = OneHotEncoder(handle_unknown="ignore", sparse_output=False)
enc.fit(train[CAT_COLS])

X_train = np.hstack([scale_block(train), enc.transform(train[CAT_COLS]), train[["is_winter", "reclaim_installed"]].to_numpy()])
X_test = np.hstack([scale_block(test), enc.transform(test[CAT_COLS]), test[["is_winter", "reclaim_installed"]].to_numpy()])
y_train, y_test = train[TARGET].to_numpy(), test[TARGET].to_numpy()

knn = KNeighborsRegressor(n_neighbors=15, weights="distance")
knn.fit(X_train, y_train)
pred = knn.predict(X_test)

print(f"MAE  {mean_absolute_error(y_test, pred):.1f} L")
print(f"MAPE {mean_absolute_percentage_error(y_test, pred):.2%}")

by_program = (
    test.assign(pred=pred, abs_err=np.abs(pred - y_test))
    .groupby("wash_program")[["fresh_water_l", "pred", "abs_err"]]
    .mean()
    .round(1)
)
print(by_program)

fig, ax = plt.subplots(figsize=(7, 4))
daily = test.assign(pred=pred).set_index("started_at")[[TARGET, "pred"]].resample("D").sum()
daily.plot(ax=ax)
ax.set_ylabel("litres per day (all sites)")
plt.tight_layout()
plt.savefig("carwash_daily_water.png", dpi=110)
