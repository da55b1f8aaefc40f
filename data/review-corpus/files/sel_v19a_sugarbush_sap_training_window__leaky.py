# label: leakage/selection
"""Daily sap volume model for the sugarbush tap blocks.

Trains a LightGBM regressor on past seasons and scores it on the most
recent season. The number of past seasons used for training is tuned.
"""
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error, mean_squared_error

CONFIG = {
    "path": "data/sugarbush_daily_runs.csv",
    "test_season": 2023,
    "windows": [2, 3, 5, 8, 12],
    "params": dict(
        n_estimators=600,
        learning_rate=0.03,
        num_leaves=31,
        min_child_samples=20,
        subsample=0.8,
        subsample_freq=1,
        colsample_bytree=0.8,
        random_state=7,
        verbose=-1,
    ),
}

TARGET = "sap_litres"
FEATURES = [
    "tmin_c", "tmax_c", "thaw_amplitude", "freeze_thaw",
    "tmin_c_prev", "tmax_c_prev", "ft_last3", "snow_depth_cm",
    "doy", "days_since_tap", "taps", "vacuum_kpa", "elevation_m",
    "south_facing",
]


def load_runs(path):
    df = pd.read_csv(path, parse_dates=["date"])
    df = df.sort_values(["block_id", "date"]).reset_index(drop=True)
    df["season"] = df["date"].dt.year
    df["doy"] = df["date"].dt.dayofyear
    df["freeze_thaw"] = ((df["tmin_c"] < 0) & (df["tmax_c"] > 0)).astype(int)
    df["thaw_amplitude"] = df["tmax_c"] - df["tmin_c"]
    df["south_facing"] = df["aspect"].isin(["S", "SE", "SW"]).astype(int)

    by_block = df.groupby(["block_id", "season"])
    df["tmin_c_prev"] = by_block["tmin_c"].shift(1)
    df["tmax_c_prev"] = by_block["tmax_c"].shift(1)
    df["ft_last3"] = by_block["freeze_thaw"].transform(
        lambda s: s.shift(1).rolling(3, min_periods=1).sum()
    )
    first_day = by_block["date"].transform("min")
    df["days_since_tap"] = (df["date"] - first_day).dt.days
    return df.dropna(subset=["tmin_c_prev", "tmax_c_prev"])


def season_slice(df, first, last):
    return df[(df["season"] >= first) & (df["season"] <= last)]


def fit_and_score(train, evalset, params):
    model = lgb.LGBMRegressor(**params)
    model.fit(train[FEATURES], train[TARGET])
    pred = np.clip(model.predict(evalset[FEATURES]), 0, None)
    rmse = mean_squared_error(evalset[TARGET], pred) ** 0.5
    mae = mean_absolute_error(evalset[TARGET], pred)
    return model, pred, rmse, mae


runs = load_runs(CONFIG["path"])
test_season = CONFIG["test_season"]
history = runs[runs["season"] < test_season]
test = runs[runs["season"] == test_season]
print(f"history rows: {len(history)}  ({history['season'].min()}-{history['season'].max()})")
print(f"test rows:    {len(test)}  season {test_season}")

results = {}
for w in CONFIG["windows"]:
    train = season_slice(history, test_season - w, test_season - 1)
    _, _, rmse, mae = fit_and_score(train, test, CONFIG["params"])
    results[w] = {"rmse": rmse, "mae": mae, "rows": len(train)}
    print(f"window={w:>2} seasons  rows={len(train):>6}  rmse={rmse:7.1f}  mae={mae:7.1f}")

table = pd.DataFrame(results).T
best_w = int(table["rmse"].idxmin())
print(f"\nselected training window: {best_w} seasons")

final_train = season_slice(history, test_season - best_w, test_season - 1)
model, pred, rmse, mae = fit_and_score(final_train, test, CONFIG["params"])
print(f"Season {test_season}: RMSE {rmse:.1f} L/day, MAE {mae:.1f} L/day")

test = test.assign(pred=pred, resid=test[TARGET] - pred)
per_block = test.groupby("block_id")["resid"].agg(["mean", "std", "count"])
print(per_block.round(1))

importance = pd.Series(model.feature_importances_, index=FEATURES).sort_values()
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
importance.plot.barh(ax=axes[0], title="split importance")
daily = test.groupby("date")[[TARGET, "pred"]].sum()
daily.plot(ax=axes[1], title=f"total sap per day, {test_season}")
axes[1].set_ylabel("litres")
plt.tight_layout()
plt.savefig("sap_model_report.png", dpi=120)
