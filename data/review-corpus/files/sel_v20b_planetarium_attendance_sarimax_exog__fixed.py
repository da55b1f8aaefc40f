# label: leakage/none
"""Weekly visitor forecast for the city planetarium dome shows.

Compares SARIMAX models with different sets of calendar/schedule regressors
(all known ahead of time) and reports the forecast error over the final
26 weeks of the series.
"""
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX

warnings.filterwarnings("ignore")

TICKETS = "data/dome_tickets_daily.csv"
SCHEDULE = "data/show_schedule_weekly.csv"
TARGET = "visitors"
H = 26

EXOG_SETS = {
    "none": [],
    "school": ["school_holiday_days"],
    "school+premiere": ["school_holiday_days", "premiere_week"],
    "school+premiere+events": ["school_holiday_days", "premiere_week", "late_night_events"],
    "all": ["school_holiday_days", "premiere_week", "late_night_events",
            "public_holidays", "planned_ad_spend_k"],
}
ORDER = (1, 0, 1)
SEASONAL = (1, 1, 0, 52)


def weekly_series():
    daily = pd.read_csv(TICKETS, parse_dates=["date"])
    weekly = (
        daily.set_index("date")[TARGET]
        .resample("W-SUN")
        .sum()
        .to_frame()
    )
    sched = pd.read_csv(SCHEDULE, parse_dates=["week_end"]).set_index("week_end")
    weekly = weekly.join(sched, how="left")
    weekly[sched.columns] = weekly[sched.columns].fillna(0)
    weekly["log_visitors"] = np.log1p(weekly[TARGET])
    return weekly


def fit_sarimax(frame, cols):
    exog = frame[cols] if cols else None
    model = SARIMAX(frame["log_visitors"], exog=exog, order=ORDER,
                    seasonal_order=SEASONAL, enforce_stationarity=False,
                    enforce_invertibility=False)
    return model.fit(disp=False, maxiter=200)


def forecast(res, frame, cols):
    exog = frame[cols] if cols else None
    return np.expm1(res.forecast(steps=len(frame), exog=exog))


def mape(actual, pred):
    actual, pred = np.asarray(actual), np.asarray(pred)
    return float(np.mean(np.abs(actual - pred) / np.maximum(actual, 1)))


weekly = weekly_series()
train, test = weekly.iloc[:-H], weekly.iloc[-H:]
print(f"train weeks {len(train)}, test weeks {len(test)}")

fit_part, valid = train.iloc[:-H], train.iloc[-H:]
scores, forecasts = {}, {}
for name, cols in EXOG_SETS.items():
    res = fit_sarimax(fit_part, cols)
    fc = forecast(res, valid, cols)
    scores[name] = mape(valid[TARGET], fc)
    print(f"{name:28s} AIC={res.aic:9.1f}  MAPE={scores[name]:.2%}")

best = min(scores, key=scores.get)
print(f"selected regressors: {best}")
final = fit_sarimax(train, EXOG_SETS[best])
forecasts[best] = forecast(final, test, EXOG_SETS[best])
print(f"test MAPE over last {H} weeks: {mape(test[TARGET], forecasts[best]):.2%}")

fig, ax = plt.subplots(figsize=(10, 4))
ax.plot(weekly.index[-3 * H:], weekly[TARGET].iloc[-3 * H:], label="actual")
ax.plot(test.index, forecasts[best], label=f"forecast ({best})")
ax.axvline(test.index[0], color="grey", ls="--")
ax.legend()
fig.tight_layout()
fig.savefig("planetarium_forecast.png", dpi=110)
