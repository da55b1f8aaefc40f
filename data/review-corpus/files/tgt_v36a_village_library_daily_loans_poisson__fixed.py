# label: leakage/none
# Daily issues at Brackenfield village library, for planning volunteer rotas.
# Counts come from the circulation system export; opening hours and school
# holidays from the county calendar; rain from the Met Office station at Ulley.
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf


def load_days():
    loans = pd.read_csv("data/brackenfield_issues_daily.csv", parse_dates=["date"])
    cal = pd.read_csv("data/county_calendar.csv", parse_dates=["date"])
    rain = pd.read_csv("data/ulley_daily_rain.csv", parse_dates=["date"])
    df = (
        loans.merge(cal, on="date", how="left")
        .merge(rain[["date", "rain_mm"]], on="date", how="left")
        .sort_values("date")
        .reset_index(drop=True)
    )
    df = df[df["open_hours"] > 0].copy()
    df["school_holiday"] = df["school_holiday"].fillna(0).astype(int)
    df["rain_mm"] = df["rain_mm"].fillna(0.0)
    df["children_event"] = df["children_event"].fillna(0).astype(int)
    return df


def add_features(df):
    df["dow"] = df["date"].dt.day_name().str[:3]
    df["month"] = df["date"].dt.month
    df["log_hours"] = np.log(df["open_hours"])
    df["wet_day"] = (df["rain_mm"] >= 5).astype(int)
    df["issues_avg7"] = df["issues"].shift(1).rolling(7, min_periods=5).mean()
    df["issues_lag1"] = df["issues"].shift(1)
    df["log_avg7"] = np.log1p(df["issues_avg7"])
    df["log_lag1"] = np.log1p(df["issues_lag1"])
    return df.dropna(subset=["log_avg7", "log_lag1"])


df = add_features(load_days())
train = df[df["date"] < "2024-01-01"]
test = df[df["date"] >= "2024-01-01"]
print(f"train days {len(train)}, test days {len(test)}")

formula = (
    "issues ~ C(dow) + C(month) + school_holiday + wet_day + rain_mm"
    " + log_avg7 + log_lag1 + children_event"
)
glm = smf.glm(
    formula, data=train, family=sm.families.Poisson(), offset=train["log_hours"]
).fit()
print(glm.summary())

dispersion = glm.pearson_chi2 / glm.df_resid
print(f"Pearson dispersion: {dispersion:.2f}")

pred = glm.predict(test, offset=test["log_hours"])
mae = np.mean(np.abs(test["issues"] - pred))
mape = np.mean(np.abs(test["issues"] - pred) / test["issues"].clip(lower=1))
print(f"2024 MAE {mae:.1f} issues/day, MAPE {mape:.1%}")

weekly = (
    test.assign(pred=pred)
    .set_index("date")[["issues", "pred"]]
    .resample("W-SAT")
    .sum()
)
print(weekly.tail(12).round(0))
