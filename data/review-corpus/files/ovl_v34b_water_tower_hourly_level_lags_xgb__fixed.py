# label: leakage/none
"""Six-hour-ahead level forecast for the Hillcrest elevated water tower.

SCADA export: hourly tower level, zone outflow, pump station state and
air temperature. The pump scheduler uses the forecast to shift pumping into
off-peak tariff hours without letting the tower drop below the fire reserve.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from xgboost import XGBRegressor

HORIZON_H = 6
LAGS = [1, 2, 3, 6, 12, 24, 48, 168]
TEST_WEEKS = 26


def load_scada(path):
    raw = pd.read_csv(path, parse_dates=["timestamp"])
    raw = raw.set_index("timestamp").sort_index()
    hourly = raw.resample("1h").mean()
    hourly[["level_m", "outflow_lps"]] = hourly[["level_m", "outflow_lps"]].ffill(limit=3)
    hourly["pumps_running"] = hourly["pumps_running"].ffill()
    return hourly.dropna(subset=["level_m"])


def build_features(hourly):
    f = pd.DataFrame(index=hourly.index)
    for lag in LAGS:
        f[f"level_lag_{lag}"] = hourly["level_m"].shift(lag)
        f[f"outflow_lag_{lag}"] = hourly["outflow_lps"].shift(lag)
    f["level_now"] = hourly["level_m"]
    f["outflow_now"] = hourly["outflow_lps"]
    f["pumps_running"] = hourly["pumps_running"]
    f["level_change_3h"] = hourly["level_m"] - hourly["level_m"].shift(3)
    f["outflow_mean_24h"] = hourly["outflow_lps"].rolling(24).mean()
    f["temp_c"] = hourly["air_temp_c"]
    f["hour"] = f.index.hour
    f["dow"] = f.index.dayofweek
    f["is_weekend"] = (f["dow"] >= 5).astype(int)
    f["hour_sin"] = np.sin(2 * np.pi * f["hour"] / 24)
    f["hour_cos"] = np.cos(2 * np.pi * f["hour"] / 24)
    f["target_level"] = hourly["level_m"].shift(-HORIZON_H)
    return f.dropna()


def main():
    hourly = load_scada("hillcrest_tower_scada_2021_2024.csv")
    frame = build_features(hourly)
    feature_cols = [c for c in frame.columns if c != "target_level"]

    cutoff = frame.index.max() - pd.Timedelta(weeks=TEST_WEEKS)
    gap = pd.Timedelta(hours=max(LAGS) + HORIZON_H)
    train = frame[frame.index < cutoff - gap]
    test = frame[frame.index >= cutoff]

    model = XGBRegressor(
        n_estimators=600, max_depth=6, learning_rate=0.03,
        subsample=0.8, colsample_bytree=0.8, reg_lambda=1.0, n_jobs=8,
    )
    model.fit(train[feature_cols], train["target_level"])

    pred = model.predict(test[feature_cols])
    mae = mean_absolute_error(test["target_level"], pred)
    persistence = mean_absolute_error(test["target_level"], test["level_now"])
    print(f"train rows {len(train)}, test rows {len(test)}")
    print(f"MAE (m) at +{HORIZON_H}h: model {mae:.3f}, persistence {persistence:.3f}")

    reserve_m = 4.5
    low = test["target_level"] < reserve_m
    if low.any():
        caught = (pred[low.to_numpy()] < reserve_m + 0.3).mean()
        print(f"hours below fire reserve: {low.sum()}, flagged: {caught:.1%}")

    model.save_model("hillcrest_level_xgb.json")


if __name__ == "__main__":
    main()
