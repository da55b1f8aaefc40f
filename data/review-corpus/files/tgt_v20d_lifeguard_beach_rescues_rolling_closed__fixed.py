# label: leakage/none
"""Surf lifesaving: expected rescues per patrolled beach per day (for roster planning)."""
import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error

LOGS = "data/patrol_logs.csv"
CONDITIONS = "data/beach_conditions_forecast.csv"
TEST_SEASON = "2023-24"
ROLL_CLOSED = "left"

FORMULA = (
    "rescues ~ np.log1p(visitors_forecast) + water_temp_c + wave_height_m + C(rip_risk)"
    " + onshore_wind_kmh + C(dow) + school_holiday + guards_rostered + rescues_7d"
)


def season_label(ts):
    start = ts.year if ts.month >= 9 else ts.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def load():
    logs = pd.read_csv(LOGS, parse_dates=["date"])
    cond = pd.read_csv(CONDITIONS, parse_dates=["date"])
    df = logs.merge(cond, on=["beach_id", "date"], how="inner")
    df["season"] = df["date"].map(season_label)
    df["dow"] = df["date"].dt.dayofweek
    df["rip_risk"] = df["rip_risk"].fillna("unknown")
    return df.sort_values(["beach_id", "date"]).reset_index(drop=True)


def add_recent_rescues(df, closed=ROLL_CLOSED):
    parts = []
    for _, g in df.groupby("beach_id", sort=True):
        s = g.set_index("date")["rescues"].rolling("7D", closed=closed).sum()
        parts.append(s.to_numpy())
    df["rescues_7d"] = np.concatenate(parts)
    df["rescues_7d"] = df["rescues_7d"].fillna(0)
    return df


df = add_recent_rescues(load())
print(df.shape, df["beach_id"].nunique(), "beaches")
print(df.groupby("season")["rescues"].agg(["mean", "sum"]))

train = df[df["season"] < TEST_SEASON]
test = df[df["season"] == TEST_SEASON]

glm = smf.glm(FORMULA, data=train, family=sm.families.Poisson()).fit()
print(glm.summary().tables[1])

mu = glm.predict(test)
print("test MAE %.3f rescues/day" % mean_absolute_error(test["rescues"], mu))
print("test mean Poisson deviance %.3f" % np.mean(sm.families.Poisson().resid_dev(test["rescues"], mu) ** 2))

busy = test.assign(expected=mu).groupby("beach_id")[["rescues", "expected"]].sum()
busy = busy.sort_values("rescues", ascending=False)
print(busy.head(12).round(1))

fig, ax = plt.subplots(figsize=(5, 4))
ax.scatter(busy["expected"], busy["rescues"])
ax.plot([0, busy.values.max()], [0, busy.values.max()], "k--", lw=1)
ax.set_xlabel("expected season total")
ax.set_ylabel("observed season total")
fig.savefig("rescues_by_beach.png", dpi=110)
