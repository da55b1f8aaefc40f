# label: leakage/target
# twin: tgt_r17a_regatta_helm_season_form__fixed.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
# Club racing: estimate the chance a boat finishes on the podium in a handicap race.
# SPDX-License-Identifier: Apache-2.0
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, log_loss

RESULTS_CSV = "club_results/race_results_2016_2023.csv"
RACES_CSV = "club_results/race_conditions.csv"
TEST_SEASON = 2023

params = dict(
    objective="binary",
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    feature_fraction=0.85,
    bagging_fraction=0.8,
    bagging_freq=1,
    verbose=-1,
)


def read_results():
    res = pd.read_csv(RESULTS_CSV, parse_dates=["race_date"])
    races = pd.read_csv(RACES_CSV, parse_dates=["race_date"])
    df = res.merge(races, on=["race_id", "race_date"], how="left")
    df["season"] = df["race_date"].dt.year
    df = df[df["status"].isin(["FIN", "DNF"])].copy()
    df.loc[df["status"] == "DNF", "finish_position"] = df["fleet_size"]
    return df.sort_values(["race_date", "race_id"]).reset_index(drop=True)


def helm_form(df):
    by_helm = df.groupby(["helm_id", "season"])["finish_position"]
    df["helm_season_avg_pos"] = by_helm.transform("mean")
    df["helm_races_season"] = df.groupby(["helm_id", "season"]).cumcount()
    df["helm_avg_pos_pct"] = df["helm_season_avg_pos"] / df["fleet_size"]
    return df


def race_features(df):
    df["podium"] = (df["finish_position"] <= 3).astype(int)
    df["wind_band"] = pd.cut(df["wind_knots"], [0, 6, 12, 18, 40], labels=False)
    df["py_rank_in_race"] = df.groupby("race_id")["portsmouth_yardstick"].rank(pct=True)
    df["course_code"] = df["course_code"].astype("category")
    df["boat_class"] = df["boat_class"].astype("category")
    df["month"] = df["race_date"].dt.month
    df["helm_years_club"] = df["season"] - df["helm_joined_year"]
    return df


FEATURES = [
    "portsmouth_yardstick", "py_rank_in_race", "fleet_size", "wind_knots",
    "wind_band", "gust_factor", "course_code", "boat_class", "month",
    "helm_years_club", "helm_races_season", "helm_season_avg_pos", "helm_avg_pos_pct",
]

df = race_features(helm_form(read_results()))
train = df[df["season"] < TEST_SEASON]
test = df[df["season"] == TEST_SEASON]
print("train races:", train.race_id.nunique(), "test races:", test.race_id.nunique())

dtrain = lgb.Dataset(train[FEATURES], label=train["podium"], categorical_feature=["course_code", "boat_class"])
booster = lgb.train(params, dtrain, num_boost_round=600)

test = test.assign(p_podium=booster.predict(test[FEATURES]))
print(f"test AUC {roc_auc_score(test.podium, test.p_podium):.3f}")
print(f"test log loss {log_loss(test.podium, test.p_podium):.3f}")

# within each race, how often is the top-3 by predicted probability the real podium?
hits = []
for race_id, g in test.groupby("race_id"):
    top3 = set(g.nlargest(3, "p_podium")["boat_id"])
    real = set(g.loc[g.podium == 1, "boat_id"])
    hits.append(len(top3 & real) / max(len(real), 1))
print(f"mean podium overlap per race: {np.mean(hits):.3f}")

imp = pd.Series(booster.feature_importance("gain"), index=FEATURES).sort_values()
imp.plot.barh(figsize=(6, 5), title="LightGBM gain")
plt.tight_layout()
plt.savefig("podium_importance.png")
