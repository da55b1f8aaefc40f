# label: leakage/none
"""Forecast daily kitesurf lesson bookings from lagged wind forecasts, bookings and calendar effects."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

daily = pd.read_csv("lesson_bookings_daily.csv", parse_dates=["date"])
wind = pd.read_csv("wind_forecast_daily.csv", parse_dates=["date"])

df = daily.merge(wind, on="date", how="left").sort_values("date").reset_index(drop=True)
df["wind_fc_kn"] = df["wind_fc_kn"].ffill(limit=3)
df["dow"] = df["date"].dt.day_name()
df["month"] = df["date"].dt.month
df["holiday"] = df["school_holiday"].fillna(0).astype(int)

for lag in (1, 2, 3, 7, 14):
    df[f"book_lag{lag}"] = df["lessons_booked"].shift(lag)
    df[f"wind_lag{lag}"] = df["wind_fc_kn"].shift(lag)
df = df.dropna().reset_index(drop=True)

candidate_sets = {
    "short": ["book_lag1", "book_lag2", "wind_lag1"],
    "weekly": ["book_lag1", "book_lag7", "wind_lag1", "wind_lag7"],
    "full": ["book_lag1", "book_lag2", "book_lag3", "book_lag7", "book_lag14",
             "wind_lag1", "wind_lag2", "wind_lag3"],
    "wind_only": ["wind_lag1", "wind_lag2", "wind_lag3", "wind_lag7"],
}
base_terms = "wind_fc_kn + I(wind_fc_kn ** 2) + C(dow) + C(month) + holiday"

cutoff = df["date"].max() - pd.DateOffset(years=1)
train = df[df["date"] <= cutoff]
test = df[df["date"] > cutoff]
# the last training season is used to compare lag sets
val_cutoff = cutoff - pd.DateOffset(years=1)
fit_part = train[train["date"] <= val_cutoff]
val_part = train[train["date"] > val_cutoff]


def fit_and_score(cols, fit_df, eval_df):
    formula = "lessons_booked ~ " + base_terms + " + " + " + ".join(cols)
    model = smf.ols(formula, data=fit_df).fit()
    pred = model.predict(eval_df).clip(lower=0)
    mae = np.mean(np.abs(eval_df["lessons_booked"] - pred))
    return model, pred, mae


summary = {}
for name, cols in candidate_sets.items():
    model, _, mae = fit_and_score(cols, fit_part, val_part)
    summary[name] = mae
    print(f"{name:>10}: validation MAE {mae:.2f}  adj R2 {model.rsquared_adj:.3f}")

best = min(summary, key=summary.get)
model, pred, mae = fit_and_score(candidate_sets[best], train, test)
naive_mae = np.mean(np.abs(test["lessons_booked"] - test["book_lag7"]))
print(f"selected lag set: {best}")
print(f"Hold-out year MAE: {mae:.2f} lessons/day (seasonal naive {naive_mae:.2f})")
print(model.summary().tables[1])
