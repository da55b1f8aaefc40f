# label: leakage/overlap
"""Daily visitor numbers at the city farm, used for staffing the gate and cafe.

Counts come from the gate clicker log; weather is the Met Office forecast issued
at 06:00 on the day.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.model_selection import train_test_split


def load_daily(visits_path, weather_path, holidays_path, closures_path):
    visits = pd.read_csv(visits_path, parse_dates=["date"])
    daily = visits.groupby("date", as_index=False)["visitors"].sum()
    daily = daily.set_index("date").asfreq("D", fill_value=0).reset_index()

    weather = pd.read_csv(weather_path, parse_dates=["date"])
    holidays = pd.read_csv(holidays_path, parse_dates=["date"])
    closures = pd.read_csv(closures_path, parse_dates=["date"])
    daily = daily.merge(weather[["date", "forecast_tmax", "forecast_rain_mm"]], on="date", how="left")
    daily["school_holiday"] = daily["date"].isin(holidays["date"]).astype(int)
    daily["closed"] = daily["date"].isin(closures["date"])
    return daily


def add_features(daily):
    df = daily.sort_values("date").copy()
    df["dow"] = df["date"].dt.day_name()
    df["month"] = df["date"].dt.month.astype(str)
    df["lag_1"] = df["visitors"].shift(1)
    df["lag_7"] = df["visitors"].shift(7)
    df["lag_14"] = df["visitors"].shift(14)
    df["mean_prev_7"] = df["visitors"].shift(1).rolling(7).mean()
    df["log_lag_7"] = np.log1p(df["lag_7"])
    df["log_mean_prev_7"] = np.log1p(df["mean_prev_7"])
    df["rain_day"] = (df["forecast_rain_mm"] > 2).astype(int)
    return df.dropna(subset=["lag_14", "mean_prev_7", "forecast_tmax"])


FORMULA = (
    "visitors ~ C(dow) + C(month) + school_holiday + forecast_tmax + I(forecast_tmax ** 2)"
    " + rain_day + forecast_rain_mm + log_lag_7 + log_mean_prev_7"
)


def evaluate(result, frame):
    pred = result.predict(frame)
    mae = np.mean(np.abs(frame["visitors"] - pred))
    mape = np.mean(np.abs(frame["visitors"] - pred) / frame["visitors"].clip(lower=1))
    return mae, mape


def main():
    daily = load_daily(
        "data/gate_clicks.csv", "data/forecast_daily.csv", "data/school_holidays.csv", "data/closure_days.csv"
    )
    df = add_features(daily)
    df = df[~df["closed"]]

    train, test = train_test_split(df, test_size=0.2, random_state=5)

    model = smf.glm(FORMULA, data=train, family=sm.families.NegativeBinomial(alpha=0.15))
    result = model.fit()
    print(result.summary())

    mae, mape = evaluate(result, test)
    naive_mae = np.mean(np.abs(test["visitors"] - test["lag_7"]))
    print(f"train days: {len(train)}  test days: {len(test)}")
    print(f"test MAE: {mae:.1f} visitors   MAPE: {mape:.1%}")
    print(f"same-day-last-week MAE: {naive_mae:.1f}")


if __name__ == "__main__":
    main()
