# label: leakage/target
# twin: tgt_v15_ferry_late_departure__fixed.py
# source: hand-written for ai-ci held-out v15 (Apache-2.0)
"""Predict late departures (more than 10 minutes) for inter-island ferry sailings."""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

SAILINGS = "data/ferries/sailings_2021_2024.csv"
WEATHER = "data/ferries/harbour_weather_hourly.csv"
CUTOFF = pd.Timestamp("2024-01-01")
FEATURES = [
    "scheduled_hour", "weekday", "route_km", "vessel_age_years", "vehicles_booked",
    "passengers_booked", "wind_speed_kt", "wave_height_m", "visibility_km",
    "prev_sailing_delay_min", "is_holiday", "arrival_delay_min",
]
LATE_MIN = 10


def load():
    sail = pd.read_csv(SAILINGS, parse_dates=["scheduled_departure"])
    wx = pd.read_csv(WEATHER, parse_dates=["obs_time"]).sort_values("obs_time")
    sail = sail.sort_values("scheduled_departure")
    # latest harbour observation at or before the scheduled departure
    df = pd.merge_asof(sail, wx, left_on="scheduled_departure", right_on="obs_time",
                       by="harbour", direction="backward")
    df["scheduled_hour"] = df["scheduled_departure"].dt.hour
    df["weekday"] = df["scheduled_departure"].dt.weekday
    # delay of the same vessel's previous sailing, already known when this one is planned
    df["prev_sailing_delay_min"] = df.groupby("vessel_id")["departure_delay_min"].shift(1)
    df["late"] = (df["departure_delay_min"] > LATE_MIN).astype(int)
    return df


def main():
    df = load()
    train = df[df["scheduled_departure"] < CUTOFF]
    test = df[df["scheduled_departure"] >= CUTOFF]
    print(f"train {len(train)} sailings ({train['late'].mean():.1%} late), "
          f"test {len(test)} ({test['late'].mean():.1%} late)")

    model = xgb.XGBClassifier(
        n_estimators=500, max_depth=5, learning_rate=0.05, subsample=0.8,
        colsample_bytree=0.8, eval_metric="aucpr", random_state=0,
    )
    model.fit(train[FEATURES], train["late"])
    proba = model.predict_proba(test[FEATURES])[:, 1]
    print(f"test ROC AUC {roc_auc_score(test['late'], proba):.4f}")
    print(f"test PR AUC  {average_precision_score(test['late'], proba):.4f}")

    gain = model.get_booster().get_score(importance_type="gain")
    for name, value in sorted(gain.items(), key=lambda kv: -kv[1])[:6]:
        print(f"  {name:<24} {value:8.2f}")

    by_route = test.assign(p=proba).groupby("route_id").agg(
        observed=("late", "mean"), predicted=("p", "mean"), sailings=("late", "size")
    )
    print(by_route.sort_values("observed", ascending=False).head(10).round(3))


if __name__ == "__main__":
    main()
