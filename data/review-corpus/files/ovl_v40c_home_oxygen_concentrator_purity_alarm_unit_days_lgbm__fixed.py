# label: leakage/none
# Low oxygen purity alarms on home oxygen concentrators.
# One row per unit per day from the remote-monitoring modems (2022-2024). The
# service team wants a morning risk score per unit to plan swap-out visits.
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score, brier_score_loss
from sklearn.model_selection import GroupShuffleSplit

days = pd.read_parquet("data/concentrator_unit_days.parquet")
units = pd.read_csv("data/concentrator_fleet.csv", parse_dates=["commissioned_on"])
days = days.merge(units, on="serial", how="left").sort_values(["serial", "day"])

# alarm: purity below 85% O2 for 10+ consecutive minutes during the day
days["purity_alarm"] = (days["minutes_below_85pct"] >= 10).astype(int)

g = days.groupby("serial")
days["prev_mean_purity"] = g["mean_purity_pct"].shift(1)
days["prev_min_purity"] = g["min_purity_pct"].shift(1)
days["prev_hours_run"] = g["hours_run"].shift(1)
days["prev_max_internal_temp"] = g["max_internal_temp_c"].shift(1)
days["purity_trend_7d"] = g["mean_purity_pct"].transform(lambda s: s.shift(1).diff(6))
days["prev_alarm"] = g["purity_alarm"].shift(1)
days["unit_age_days"] = (days["day"] - days["commissioned_on"]).dt.days
days["month"] = days["day"].dt.month

FEATURES = [
    "model_code", "unit_age_days", "hours_meter_start", "sieve_hours_start",
    "flow_setting_lpm", "altitude_m", "filter_days_since_clean",
    "prev_mean_purity", "prev_min_purity", "prev_hours_run",
    "prev_max_internal_temp", "purity_trend_7d", "prev_alarm", "month",
]
data = days.dropna(subset=["prev_mean_purity", "hours_meter_start"])

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=2024)
train_idx, test_idx = next(splitter.split(data, groups=data["serial"]))
train_df, test_df = data.iloc[train_idx], data.iloc[test_idx]

params = dict(
    objective="binary",
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=50,
    feature_fraction=0.8,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    verbose=-1,
)
dtrain = lgb.Dataset(train_df[FEATURES], label=train_df["purity_alarm"],
                     categorical_feature=["model_code"])
booster = lgb.train(params, dtrain, num_boost_round=700)

p = booster.predict(test_df[FEATURES])
y = test_df["purity_alarm"].to_numpy()
print(f"unit-days train/test: {len(train_df)}/{len(test_df)}")
print(f"alarm prevalence (test): {y.mean():.4f}")
print(f"ROC AUC : {roc_auc_score(y, p):.3f}")
print(f"PR AUC  : {average_precision_score(y, p):.3f}")
print(f"Brier   : {brier_score_loss(y, p):.5f}")

# visit list: cut-off that flags ~2% of unit-days in the training data
cut = np.quantile(booster.predict(train_df[FEATURES]), 0.98)
flag = p >= cut
print(f"flag rate (test):  {flag.mean():.3f}")
print(f"alarms caught:     {y[flag].sum()} of {y.sum()}")
print(f"precision:         {y[flag].mean():.2f}")

gain = pd.Series(booster.feature_importance("gain"), index=FEATURES)
print(gain.sort_values(ascending=False).head(10).round(0))
