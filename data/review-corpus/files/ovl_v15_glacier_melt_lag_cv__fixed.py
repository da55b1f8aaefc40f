# label: leakage/none
# twin: ovl_v15_glacier_melt_lag_cv__leaky.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Daily glacier surface-melt model from weather-station and ablation-stake records."""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import TimeSeriesSplit

STATION_FILE = "data/glacier/station_daily.csv"
STAKES_FILE = "data/glacier/ablation_daily.csv"
LAGS = (1, 2, 3, 7)
TARGET = "melt_mm_we"
MODEL_PARAMS = dict(n_estimators=500, learning_rate=0.03, num_leaves=31,
                    min_child_samples=15, verbose=-1)


def build_frame():
    wx = pd.read_csv(STATION_FILE, parse_dates=["date"]).set_index("date")
    stakes = pd.read_csv(STAKES_FILE, parse_dates=["date"]).set_index("date")
    df = wx.join(stakes[[TARGET]], how="inner").sort_index()
    for lag in LAGS:
        df[f"melt_lag{lag}"] = df[TARGET].shift(lag)
        df[f"t2m_lag{lag}"] = df["t2m_mean_c"].shift(lag)
    df["pdd_7d"] = df["t2m_mean_c"].clip(lower=0).rolling(7).sum()
    df["doy_sin"] = np.sin(2 * np.pi * df.index.dayofyear / 365.25)
    df["doy_cos"] = np.cos(2 * np.pi * df.index.dayofyear / 365.25)
    return df.dropna()


def cross_validate(df, features, n_splits=5):
    cv = TimeSeriesSplit(n_splits=n_splits)
    maes = []
    for fold, (tr, te) in enumerate(cv.split(df)):
        model = lgb.LGBMRegressor(**MODEL_PARAMS, random_state=fold)
        model.fit(df.iloc[tr][features], df.iloc[tr][TARGET])
        pred = model.predict(df.iloc[te][features])
        maes.append(mean_absolute_error(df.iloc[te][TARGET], pred))
        span = f"{df.index[te].min():%Y-%m-%d}..{df.index[te].max():%Y-%m-%d}"
        print(f"fold {fold}: {span} MAE {maes[-1]:.2f} mm w.e.")
    return maes


def main():
    df = build_frame()
    features = [c for c in df.columns if c != TARGET]
    maes = cross_validate(df, features)
    print(f"mean CV MAE: {np.mean(maes):.2f} mm w.e. over {len(df)} days")
    persistence = mean_absolute_error(df[TARGET].iloc[1:], df[TARGET].shift(1).iloc[1:])
    print(f"persistence baseline MAE: {persistence:.2f}")

    final = lgb.LGBMRegressor(**MODEL_PARAMS, random_state=0).fit(df[features], df[TARGET])
    imp = pd.Series(final.feature_importances_, index=features).sort_values(ascending=False)
    print(imp.head(8).to_string())


if __name__ == "__main__":
    main()
