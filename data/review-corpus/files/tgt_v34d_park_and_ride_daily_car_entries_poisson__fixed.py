# label: leakage/none
"""Daily car entries at the council's park-and-ride sites.

Forecasts are issued each evening for the next day and feed the bus
operator's shuttle timetable and the stewarding rota.
"""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

SITES = ["northgate", "eastfield", "riverside_south", "airport_road"]
TEST_START = "2024-01-01"


def load_counts():
    counts = pd.read_csv("data/pnr_barrier_counts.csv", parse_dates=["date"])
    counts = counts[counts["site"].isin(SITES)]
    weather = pd.read_csv("data/met_daily_forecast.csv", parse_dates=["date"])
    events = pd.read_csv("data/city_events_calendar.csv", parse_dates=["date"])
    holidays = pd.read_csv("data/bank_and_school_holidays.csv", parse_dates=["date"])

    df = counts.merge(weather, on="date", how="left")
    df["event_attendance_k"] = df["date"].map(events.groupby("date")["expected_attendance"].sum()).fillna(0) / 1000
    df["bank_holiday"] = df["date"].isin(holidays.loc[holidays["kind"] == "bank", "date"]).astype(int)
    df["school_holiday"] = df["date"].isin(holidays.loc[holidays["kind"] == "school", "date"]).astype(int)
    return df.sort_values(["site", "date"]).reset_index(drop=True)


def add_features(df):
    df = df.copy()
    df["dow"] = df["date"].dt.day_name()
    df["month"] = df["date"].dt.month.astype(str)
    df["december_saturday"] = ((df["date"].dt.month == 12) & (df["date"].dt.dayofweek == 5)).astype(int)
    g = df.groupby("site")["car_entries"]
    df["entries_7d_mean"] = g.transform(lambda s: s.shift(1).rolling(7, min_periods=7).mean())
    df["entries_same_dow_last_week"] = g.shift(7)
    df["log_entries_7d"] = np.log1p(df["entries_7d_mean"])
    df["log_same_dow"] = np.log1p(df["entries_same_dow_last_week"])
    return df.dropna(subset=["log_entries_7d", "log_same_dow", "rain_mm", "max_temp_c"])


df = add_features(load_counts())
train = df[df["date"] < TEST_START]
test = df[df["date"] >= TEST_START]
print(f"train {train['date'].min():%Y-%m-%d}..{train['date'].max():%Y-%m-%d}  n={len(train)}")
print(f"test  {test['date'].min():%Y-%m-%d}..{test['date'].max():%Y-%m-%d}  n={len(test)}")

formula = (
    "car_entries ~ C(site) + C(dow) + C(month) + bank_holiday + school_holiday"
    " + december_saturday + event_attendance_k + rain_mm + max_temp_c"
    " + log_entries_7d + log_same_dow"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit(cov_type="HC1")
print(glm.summary().tables[1])

dispersion = glm.pearson_chi2 / glm.df_resid
print(f"Pearson dispersion: {dispersion:.2f}")

test = test.assign(pred=glm.predict(test))
mae = (test["car_entries"] - test["pred"]).abs().mean()
mape = ((test["car_entries"] - test["pred"]).abs() / test["car_entries"].clip(lower=1)).mean()
print(f"test MAE  : {mae:.1f} cars/day")
print(f"test MAPE : {mape:.1%}")

by_site = test.groupby("site").apply(
    lambda t: pd.Series({
        "mae": (t["car_entries"] - t["pred"]).abs().mean(),
        "mean_entries": t["car_entries"].mean(),
    })
)
print(by_site.round(1).to_string())
