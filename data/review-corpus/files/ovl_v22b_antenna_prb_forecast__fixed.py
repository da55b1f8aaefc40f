# label: leakage/none
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from xgboost import XGBRegressor
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

SETTINGS = {
    "kpi_file": "data/ran_kpi_hourly.parquet",
    "sectors": ["SITE114_S1", "SITE114_S2", "SITE207_S3", "SITE318_S1"],
    "target": "prb_util_dl",
    "lags": [1, 2, 3, 24, 48, 168],
    "windows": [6, 24],
    "folds": 5,
}

xgb_params = dict(
    n_estimators=600, max_depth=6, learning_rate=0.05,
    subsample=0.8, colsample_bytree=0.8, reg_lambda=1.0, n_jobs=8,
)


def sector_frame(kpi, sector):
    s = kpi[kpi["cell_sector"] == sector].set_index("ts").sort_index()
    s = s.asfreq("h")
    s[SETTINGS["target"]] = s[SETTINGS["target"]].ffill(limit=3)
    s["active_users"] = s["active_users"].ffill(limit=3)
    return s


def make_features(s, target, lags, windows):
    f = pd.DataFrame(index=s.index)
    for k in lags:
        f[f"lag_{k}"] = s[target].shift(k)
    past = s[target].shift(1)
    for w in windows:
        f[f"roll_mean_{w}"] = past.rolling(w).mean()
        f[f"roll_max_{w}"] = past.rolling(w).max()
    f["users_lag1"] = s["active_users"].shift(1)
    f["hour"] = s.index.hour
    f["dow"] = s.index.dayofweek
    f["is_weekend"] = (f["dow"] >= 5).astype(int)
    f["y"] = s[target]
    return f.dropna()


kpi = pd.read_parquet(SETTINGS["kpi_file"])
kpi["ts"] = pd.to_datetime(kpi["ts"])

cv = TimeSeriesSplit(n_splits=SETTINGS["folds"])

rows = []
for sector in SETTINGS["sectors"]:
    frame = make_features(sector_frame(kpi, sector), SETTINGS["target"],
                          SETTINGS["lags"], SETTINGS["windows"])
    X, y = frame.drop(columns="y"), frame["y"]
    naive_mae = (y - X["lag_24"]).abs().mean()
    mae = -cross_val_score(XGBRegressor(**xgb_params), X, y, cv=cv,
                           scoring="neg_mean_absolute_error")
    rows.append({
        "sector": sector,
        "hours": len(frame),
        "mae": mae.mean(),
        "mae_std": mae.std(),
        "seasonal_naive_mae": naive_mae,
    })
    print(f"{sector}: MAE {mae.mean():.2f} (naive {naive_mae:.2f})")

summary = pd.DataFrame(rows).set_index("sector")
summary["skill_vs_naive"] = 1 - summary["mae"] / summary["seasonal_naive_mae"]
print(summary.round(3))

ax = summary[["mae", "seasonal_naive_mae"]].plot.bar(figsize=(7, 4), rot=0)
ax.set_ylabel("MAE (PRB %)")
ax.set_title("1-hour-ahead downlink PRB utilisation")
plt.tight_layout()
plt.savefig("prb_cv.png", dpi=120)
