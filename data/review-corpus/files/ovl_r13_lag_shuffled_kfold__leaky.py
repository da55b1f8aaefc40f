# label: leakage/overlap
# twin: ovl_r13_lag_shuffled_kfold__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Same-day skier-visit forecast for one resort, made at 7am after the snow report."""
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import KFold, cross_val_score

FEATURES = ["dow", "month", "season_day", "is_holiday", "new_snow_cm", "snow_3d_cm",
            "temp_forecast_c", "visits_lag1", "visits_lag2", "visits_lag7",
            "visits_lag14", "visits_roll7"]


def add_calendar(df):
    return df.assign(
        dow=df["date"].dt.dayofweek,
        month=df["date"].dt.month,
        season_day=(df["date"] - df["season_start"]).dt.days,
    )


def add_lags(df, col, lags):
    by_season = df.groupby("season")[col]
    return df.assign(**{f"{col}_lag{k}": by_season.shift(k) for k in lags})


visits = (
    pd.read_csv("data/resort_daily.csv", parse_dates=["date", "season_start"])
    .sort_values("date")
    .pipe(add_calendar)
    .pipe(add_lags, col="visits", lags=(1, 2, 7, 14))
    .assign(
        visits_roll7=lambda d: d.groupby("season")["visits"].transform(
            lambda s: s.shift(1).rolling(7).mean()),
        snow_3d_cm=lambda d: d.groupby("season")["new_snow_cm"].transform(
            lambda s: s.rolling(3, min_periods=1).sum()),
    )
    .dropna(subset=FEATURES)
    .reset_index(drop=True)
)

model = GradientBoostingRegressor(loss="absolute_error", n_estimators=500,
                                  learning_rate=0.03, max_depth=3, random_state=0)
cv = KFold(n_splits=5, shuffle=True, random_state=0)
mae = -cross_val_score(model, visits[FEATURES], visits["visits"], cv=cv,
                       scoring="neg_mean_absolute_error")
print(f"{len(visits)} days, CV MAE per fold: {mae.round(1)}")
print(f"mean CV MAE: {mae.mean():.1f} skiers/day")
