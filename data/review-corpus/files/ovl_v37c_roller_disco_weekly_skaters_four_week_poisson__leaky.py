# label: leakage/overlap
# Four-week skater volume per rink, used to plan skate-hire stock and marshal rotas.
# Forecast is made on Monday morning for the coming four weeks (this week included).
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf

HORIZON = 4
CUTOFF = pd.Timestamp("2024-01-01")

sessions = pd.read_csv("data/rink_sessions.csv", parse_dates=["session_date"])
calendar = pd.read_csv("data/term_calendar_weekly.csv", parse_dates=["week_start"])
programme = pd.read_csv("data/themed_nights_programme.csv", parse_dates=["week_start"])

sessions["week_start"] = sessions["session_date"].dt.to_period("W-SUN").dt.start_time
weekly = (
    sessions.groupby(["rink", "week_start"], as_index=False)
    .agg(skaters=("admissions", "sum"), sessions_run=("session_id", "nunique"))
    .sort_values(["rink", "week_start"])
)
weekly = weekly.merge(calendar, on="week_start", how="left")
weekly = weekly.merge(programme, on=["rink", "week_start"], how="left")
weekly["themed_nights"] = weekly["themed_nights"].fillna(0)
weekly["holiday_days"] = weekly["holiday_days"].fillna(0)

g = weekly.groupby("rink")

# target: skaters over the next HORIZON weeks, starting with the current one
weekly["skaters_4w"] = sum(g["skaters"].shift(-k) for k in range(HORIZON))

# what is known on Monday morning
for lag in (1, 2, 3, 4):
    weekly[f"lag{lag}"] = g["skaters"].shift(lag)
weekly["mean_prev8"] = g["skaters"].transform(lambda s: s.shift(1).rolling(8).mean())
weekly["last_year_4w"] = sum(g["skaters"].shift(52 - k) for k in range(HORIZON))
weekly["holiday_days_4w"] = sum(g["holiday_days"].shift(-k) for k in range(HORIZON))
weekly["themed_nights_4w"] = sum(g["themed_nights"].shift(-k) for k in range(HORIZON))
weekly["month"] = weekly["week_start"].dt.month

model_cols = ["skaters_4w", "lag1", "lag2", "lag3", "lag4", "mean_prev8", "last_year_4w",
              "holiday_days_4w", "themed_nights_4w"]
df = weekly.dropna(subset=model_cols).copy()
df["log_lag1"] = np.log1p(df["lag1"])
df["log_mean_prev8"] = np.log1p(df["mean_prev8"])
df["log_last_year"] = np.log1p(df["last_year_4w"])

train = df[df["week_start"] < CUTOFF]
test = df[df["week_start"] >= CUTOFF]
print(f"train weeks: {train['week_start'].min().date()} .. {train['week_start'].max().date()} ({len(train)} rows)")
print(f"test weeks:  {test['week_start'].min().date()} .. {test['week_start'].max().date()} ({len(test)} rows)")

formula = (
    "skaters_4w ~ log_lag1 + log_mean_prev8 + log_last_year + holiday_days_4w"
    " + themed_nights_4w + C(month) + C(rink)"
)
glm = smf.glm(formula, data=train, family=sm.families.Poisson()).fit(scale="X2")
print(glm.summary())

test = test.assign(pred=glm.predict(test))
test["abs_err"] = (test["skaters_4w"] - test["pred"]).abs()
mae = test["abs_err"].mean()
wape = test["abs_err"].sum() / test["skaters_4w"].sum()
print(f"\nMAE {mae:.1f} skaters per 4 weeks, WAPE {wape:.1%}")

by_rink = test.groupby("rink").apply(
    lambda d: pd.Series({
        "mae": d["abs_err"].mean(),
        "wape": d["abs_err"].sum() / d["skaters_4w"].sum(),
        "bias": (d["pred"] - d["skaters_4w"]).mean(),
    })
)
print(by_rink.round(3))

worst = test.sort_values("abs_err", ascending=False).head(10)
print(worst[["rink", "week_start", "skaters_4w", "pred", "holiday_days_4w", "themed_nights_4w"]])
