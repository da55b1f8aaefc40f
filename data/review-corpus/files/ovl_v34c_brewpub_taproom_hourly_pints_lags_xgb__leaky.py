# label: leakage/overlap
"""Hour-ahead pints poured at the taproom, for bar staffing and cellar changeovers.

Till data (pints poured per hour) is joined with the local weather feed and the
events calendar, and an XGBoost regressor is trained on lagged demand.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

TILL_PATH = "data/taproom_till_hourly.csv"
WEATHER_PATH = "data/weather_hourly.csv"
EVENTS_PATH = "data/events_calendar.csv"


def load_hourly():
    till = pd.read_csv(TILL_PATH, parse_dates=["hour"])
    weather = pd.read_csv(WEATHER_PATH, parse_dates=["hour"])
    events = pd.read_csv(EVENTS_PATH, parse_dates=["date"])

    df = (
        till.set_index("hour")
        .asfreq("h")
        .fillna({"pints": 0})
        .reset_index()
        .merge(weather[["hour", "temp_c", "precip_mm"]], on="hour", how="left")
    )
    df["date"] = df["hour"].dt.normalize()
    df = df.merge(events[["date", "event_type"]], on="date", how="left")
    df["event_day"] = df["event_type"].notna().astype(int)
    df["match_day"] = (df["event_type"] == "football").astype(int)
    df[["temp_c", "precip_mm"]] = df[["temp_c", "precip_mm"]].ffill()
    return df


def add_features(df):
    df = df.sort_values("hour").copy()
    df["hour_of_day"] = df["hour"].dt.hour
    df["dow"] = df["hour"].dt.dayofweek
    df["month"] = df["hour"].dt.month
    for lag in (1, 2, 3, 24, 48, 168):
        df[f"lag_{lag}"] = df["pints"].shift(lag)
    df["mean_prev_24"] = df["pints"].shift(1).rolling(24).mean()
    df["mean_prev_168"] = df["pints"].shift(1).rolling(168).mean()
    df["same_hour_last_week"] = df["pints"].shift(168)
    return df.dropna(subset=["lag_168", "mean_prev_168"])


def main():
    df = add_features(load_hourly())
    open_hours = df[df["hour_of_day"].between(11, 23)]

    features = [c for c in open_hours.columns
                if c.startswith(("lag_", "mean_prev", "same_hour"))]
    features += ["hour_of_day", "dow", "month", "temp_c", "precip_mm",
                 "event_day", "match_day"]

    X = open_hours[features]
    y = open_hours["pints"]
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.2, shuffle=True, random_state=42
    )

    model = xgb.XGBRegressor(
        n_estimators=800,
        max_depth=6,
        learning_rate=0.03,
        subsample=0.8,
        colsample_bytree=0.8,
        objective="count:poisson",
        tree_method="hist",
    )
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    naive = X_test["same_hour_last_week"]
    print(f"Train hours: {len(X_train)}  test hours: {len(X_test)}")
    print(f"MAE model:            {mean_absolute_error(y_test, pred):.2f} pints/h")
    print(f"MAE same-hour-last-wk: {mean_absolute_error(y_test, naive):.2f} pints/h")
    peak = X_test["hour_of_day"].between(18, 22).to_numpy()
    print(f"MAE peak hours 18-22: {mean_absolute_error(y_test[peak], pred[peak]):.2f} pints/h")

    importance = pd.Series(model.feature_importances_, index=features)
    print(importance.sort_values(ascending=False).head(10).round(3))


if __name__ == "__main__":
    main()
