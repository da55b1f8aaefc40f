# label: leakage/target
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, log_loss, accuracy_score

BOUTS_PATH = "data/fencing_bouts_2016_2023.csv"
FENCERS_PATH = "data/fencer_profiles.csv"
TEST_SEASON = 2023


def to_long(bouts):
    """One row per fencer per bout, so history can be accumulated per fencer."""
    left = bouts[["bout_id", "bout_time", "left_id", "left_won"]].rename(
        columns={"left_id": "fencer_id", "left_won": "won"})
    right = bouts[["bout_id", "bout_time", "right_id", "left_won"]].rename(
        columns={"right_id": "fencer_id"})
    right["won"] = 1 - right.pop("left_won")
    return pd.concat([left, right], ignore_index=True)


def fencer_history(long):
    long = long.sort_values(["fencer_id", "bout_time", "bout_id"]).copy()
    g = long.groupby("fencer_id")
    long["career_bouts"] = g.cumcount()
    long["career_wins"] = g["won"].cumsum()
    long["win_rate"] = (long["career_wins"] + 1) / (long["career_bouts"] + 2)
    long["days_rest"] = g["bout_time"].diff().dt.days.fillna(60).clip(upper=60)
    return long[["bout_id", "fencer_id", "career_bouts", "win_rate", "days_rest"]]


def attach(bouts, hist, profiles):
    out = bouts.copy()
    for side in ("left", "right"):
        key = f"{side}_id"
        h = hist.rename(columns=lambda c: key if c == "fencer_id" else (c if c == "bout_id" else f"{side}_{c}"))
        out = out.merge(h, on=["bout_id", key], how="left", validate="one_to_one")
        p = profiles.rename(columns=lambda c: key if c == "fencer_id" else f"{side}_{c}")
        out = out.merge(p, on=key, how="left", validate="many_to_one")
    return out


bouts = pd.read_csv(BOUTS_PATH, parse_dates=["bout_time"])
profiles = pd.read_csv(FENCERS_PATH, parse_dates=["birth_date"])[["fencer_id", "birth_date", "hand"]]
bouts["season"] = bouts["bout_time"].dt.year

hist = fencer_history(to_long(bouts))
bouts = attach(bouts, hist, profiles)

bouts["rank_diff"] = bouts["left_world_rank_pre"] - bouts["right_world_rank_pre"]
bouts["age_diff"] = (bouts["right_birth_date"] - bouts["left_birth_date"]).dt.days / 365.25
bouts["same_hand"] = (bouts["left_hand"] == bouts["right_hand"]).astype(int)
bouts["win_rate_diff"] = bouts["left_win_rate"] - bouts["right_win_rate"]
bouts["exp_ratio"] = np.log1p(bouts["left_career_bouts"]) - np.log1p(bouts["right_career_bouts"])
bouts["is_elimination"] = (bouts["round_type"] == "DE").astype(int)

FEATURES = ["rank_diff", "age_diff", "same_hand", "win_rate_diff", "exp_ratio",
            "left_win_rate", "right_win_rate", "left_days_rest", "right_days_rest",
            "is_elimination", "weapon_code", "event_level"]
bouts["weapon_code"] = bouts["weapon"].map({"foil": 0, "epee": 1, "sabre": 2})
bouts["event_level"] = bouts["event_tier"].map({"national": 0, "satellite": 1, "world_cup": 2, "grand_prix": 3})

train = bouts[bouts["season"] < TEST_SEASON]
test = bouts[bouts["season"] == TEST_SEASON]

clf = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.03, num_leaves=15,
                         min_child_samples=40, colsample_bytree=0.8, random_state=5, verbose=-1)
clf.fit(train[FEATURES], train["left_won"])
proba = clf.predict_proba(test[FEATURES])[:, 1]

print(f"test bouts: {len(test)}")
print(f"AUC      {roc_auc_score(test['left_won'], proba):.3f}")
print(f"log loss {log_loss(test['left_won'], proba):.3f}")
print(f"accuracy {accuracy_score(test['left_won'], proba > 0.5):.3f}")
print(f"baseline (better rank wins) {accuracy_score(test['left_won'], test['rank_diff'] < 0):.3f}")

lgb.plot_importance(clf, importance_type="gain", max_num_features=12, figsize=(7, 5))
plt.tight_layout()
plt.show()
