# label: leakage/none
"""Early warning for ammonia spikes in the exhibit tanks (next-morning water test)."""
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, precision_recall_curve

SETTINGS = {
    "tests_csv": "lims/daily_water_tests.csv",
    "husbandry_csv": "lims/husbandry_log.csv",
    "ammonia_limit_ppm": 0.25,
    "window_days": 14,
    "test_start": "2023-09-01",
}


def load(settings):
    tests = pd.read_csv(settings["tests_csv"], parse_dates=["date"])
    husb = pd.read_csv(settings["husbandry_csv"], parse_dates=["date"])
    df = tests.merge(husb, on=["tank_id", "date"], how="left")
    df = df.sort_values(["tank_id", "date"]).reset_index(drop=True)
    df["feed_g"] = df["feed_g"].fillna(0.0)
    df["water_change_pct"] = df["water_change_pct"].fillna(0.0)
    return df


def rolling_rate(df, col, window):
    return (df.groupby("tank_id")[col]
              .transform(lambda s: s.rolling(window, min_periods=3).mean()))


def days_since(flag):
    grp = flag.cumsum()
    return flag.groupby(grp).cumcount()


df = load(SETTINGS)
limit = SETTINGS["ammonia_limit_ppm"]
df["spike_today"] = (df["ammonia_ppm"] > limit).astype(int)
df["spike_next_day"] = df.groupby("tank_id")["spike_today"].shift(-1)

df["feed_per_kg"] = df["feed_g"] / df["biomass_kg"].clip(lower=0.5)
df["days_since_change"] = (df.groupby("tank_id")["water_change_pct"]
                             .transform(lambda s: days_since(s > 10)))
df["temp_dev"] = df["temp_c"] - df.groupby("tank_id")["temp_c"].transform(
    lambda s: s.rolling(30, min_periods=5).median())
df["spike_rate_14d"] = rolling_rate(df, "spike_today", SETTINGS["window_days"])

model_df = df.dropna(subset=["spike_next_day", "spike_rate_14d", "temp_dev"]).copy()
model_df["spike_next_day"] = model_df["spike_next_day"].astype(int)

test_start = pd.Timestamp(SETTINGS["test_start"])
train = model_df[model_df["date"] < test_start - pd.Timedelta(days=1)]
test = model_df[model_df["date"] >= test_start]
print(f"train {len(train)} tank-days, test {len(test)} tank-days, "
      f"spike share {train['spike_next_day'].mean():.3f}")

formula = ("spike_next_day ~ ammonia_ppm + nitrite_ppm + ph + temp_dev + feed_per_kg"
           " + days_since_change + spike_rate_14d + C(system_type)")
fit = smf.logit(formula, data=train).fit(disp=False, maxiter=200)
print(fit.summary2().tables[1].round(3))

p = fit.predict(test)
print(f"test ROC AUC: {roc_auc_score(test['spike_next_day'], p):.4f}")

prec, rec, thr = precision_recall_curve(test["spike_next_day"], p)
plt.figure(figsize=(5, 4))
plt.plot(rec, prec)
plt.xlabel("recall")
plt.ylabel("precision")
plt.title("next-morning ammonia spike")
plt.tight_layout()
plt.savefig("ammonia_pr.png", dpi=110)
