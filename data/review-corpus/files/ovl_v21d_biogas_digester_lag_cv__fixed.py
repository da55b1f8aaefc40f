# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from lightgbm import LGBMRegressor
from sklearn.metrics import mean_absolute_percentage_error, r2_score
from sklearn.model_selection import TimeSeriesSplit

SETTINGS = {
    "csv": "plant_data/digester_daily.csv",
    "target": "methane_nm3",
    "lags": [1, 2, 3, 7, 14],
    "rolls": [3, 7, 21],
    "n_folds": 5,
}


def read_daily(path):
    raw = pd.read_csv(path, parse_dates=["day"])
    raw = raw.set_index("day").sort_index().asfreq("D")
    raw = raw.ffill(limit=2)
    return raw


def make_lagged(frame, target, lags, rolls):
    out = frame.copy()
    for lag in lags:
        out[f"{target}_lag{lag}"] = out[target].shift(lag)
        out[f"olr_lag{lag}"] = out["organic_loading_rate"].shift(lag)
    for w in rolls:
        out[f"{target}_mean{w}"] = out[target].shift(1).rolling(w).mean()
        out[f"temp_mean{w}"] = out["digester_temp_c"].shift(1).rolling(w).mean()
    out["dow"] = out.index.dayofweek
    out["doy_sin"] = np.sin(2 * np.pi * out.index.dayofyear / 365.25)
    out["doy_cos"] = np.cos(2 * np.pi * out.index.dayofyear / 365.25)
    return out.dropna()


daily = read_daily(SETTINGS["csv"])
frame = make_lagged(daily, SETTINGS["target"], SETTINGS["lags"], SETTINGS["rolls"])

exog = ["organic_loading_rate", "manure_t", "food_waste_t", "silage_t", "digester_temp_c",
        "ph", "vfa_alk_ratio", "hrt_days"]
features = exog + [c for c in frame.columns if "_lag" in c or "_mean" in c] + ["dow", "doy_sin", "doy_cos"]
X = frame[features].to_numpy()
y = frame[SETTINGS["target"]].to_numpy()
print(f"{len(frame)} days from {frame.index.min():%Y-%m-%d} to {frame.index.max():%Y-%m-%d}")

splitter = TimeSeriesSplit(n_splits=SETTINGS["n_folds"], gap=14)
fold_rows = []
oof = np.full(len(y), np.nan)
for k, (tr, va) in enumerate(splitter.split(X)):
    reg = LGBMRegressor(n_estimators=500, learning_rate=0.03, num_leaves=15,
                        min_child_samples=10, subsample=0.8, subsample_freq=1, verbose=-1)
    reg.fit(X[tr], y[tr])
    pred = reg.predict(X[va])
    oof[va] = pred
    fold_rows.append({
        "fold": k,
        "mape": mean_absolute_percentage_error(y[va], pred),
        "r2": r2_score(y[va], pred),
    })

scores = pd.DataFrame(fold_rows)
print(scores.round(4))
print("mean MAPE %.2f%%  mean R2 %.3f" % (100 * scores["mape"].mean(), scores["r2"].mean()))

mask = ~np.isnan(oof)
plt.figure(figsize=(12, 4))
plt.plot(frame.index, y, lw=0.8, label="measured")
plt.plot(frame.index[mask], oof[mask], lw=0.8, label="cv prediction")
plt.ylabel("CH4 (Nm3/day)")
plt.legend()
plt.tight_layout()
plt.savefig("digester_cv.png")
