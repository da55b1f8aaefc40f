# label: leakage/none
# twin: ovl_v14_parking_occupancy_lags__leaky.py
# source: hand-written for ai-ci held-out v14 (Apache-2.0)
"""Forecast next-hour occupancy of a multi-storey car park from lagged counts and calendar features."""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

SERIES_CSV = "data/parking/garage_north_hourly.csv"
CAPACITY = 640
LAGS = [1, 2, 3, 6, 12, 24, 48, 168]
N_SPLITS = 5
MODEL_PARAMS = dict(max_iter=400, learning_rate=0.05, max_leaf_nodes=31, random_state=0)


def make_features(path):
    s = (
        pd.read_csv(path, parse_dates=["timestamp"])
        .set_index("timestamp")
        .sort_index()["occupied"]
        .clip(0, CAPACITY)
        .asfreq("h")
    )
    df = pd.DataFrame({"y": s})
    for lag in LAGS:
        df[f"lag_{lag}"] = s.shift(lag)
    df["roll_mean_24"] = s.shift(1).rolling(24).mean()
    df["delta_1"] = s.shift(1) - s.shift(2)
    df["hour"] = df.index.hour
    df["dow"] = df.index.dayofweek
    df["is_weekend"] = (df["dow"] >= 5).astype(int)
    df["month"] = df.index.month
    return df.dropna()


def cross_validate(df, splitter):
    X, y = df.drop(columns="y"), df["y"]
    maes = []
    for fold, (tr, te) in enumerate(splitter.split(X)):
        model = HistGradientBoostingRegressor(**MODEL_PARAMS)
        model.fit(X.iloc[tr], y.iloc[tr])
        mae = mean_absolute_error(y.iloc[te], model.predict(X.iloc[te]))
        naive = mean_absolute_error(y.iloc[te], X["lag_1"].iloc[te])
        maes.append(mae)
        print(f"fold {fold}: MAE {mae:.2f} spaces (persistence {naive:.2f})")
    return float(np.mean(maes)), float(np.std(maes))


if __name__ == "__main__":
    data = make_features(SERIES_CSV)
    print(f"{len(data)} hourly rows from {data.index.min()} to {data.index.max()}")
    splitter = TimeSeriesSplit(n_splits=N_SPLITS)
    mean_mae, std_mae = cross_validate(data, splitter)
    print(f"CV MAE: {mean_mae:.2f} +/- {std_mae:.2f} spaces ({mean_mae / CAPACITY:.1%} of capacity)")
