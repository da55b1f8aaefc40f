# label: leakage/overlap
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.metrics import roc_auc_score, log_loss

ATTEMPTS = "gym_export/attempts_2023.csv"
CLIMBERS = "gym_export/climber_profiles.csv"
PROBLEMS = "gym_export/problem_set.csv"

PARAMS = {
    "objective": "binary",
    "learning_rate": 0.03,
    "num_leaves": 31,
    "min_child_samples": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "verbose": -1,
}
N_ROUNDS = 600


def build_table():
    att = pd.read_csv(ATTEMPTS, parse_dates=["logged_at"])
    climbers = pd.read_csv(CLIMBERS)
    problems = pd.read_csv(PROBLEMS)
    df = att.merge(climbers, on="climber_id", how="left").merge(problems, on="problem_id", how="left")
    df = df.sort_values(["climber_id", "logged_at"])
    df["attempt_no"] = df.groupby(["climber_id", "problem_id"]).cumcount() + 1
    df["minutes_in_session"] = (
        df["logged_at"] - df.groupby("session_id")["logged_at"].transform("min")
    ).dt.total_seconds() / 60
    df["grade_gap"] = df["grade_v"] - df["self_reported_max_v"]
    df["ape_index_cm"] = df["wingspan_cm"] - df["height_cm"]
    df["wall_type"] = df["wall_type"].astype("category")
    df["hold_style"] = df["hold_style"].astype("category")
    return df


FEATURES = [
    "grade_v", "wall_angle_deg", "wall_type", "hold_style", "is_comp_style",
    "height_cm", "ape_index_cm", "years_climbing", "self_reported_max_v", "grade_gap",
    "attempt_no", "minutes_in_session", "trains_per_week",
]

df = build_table()
X, y = df[FEATURES], df["sent"].astype(int)
print(f"{len(df)} attempts, {df.climber_id.nunique()} climbers, {df.session_id.nunique()} sessions")
print("send rate:", round(y.mean(), 3))

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=17)
oof = np.zeros(len(df))
fold_rows = []
for k, (tr, va) in enumerate(cv.split(X, y, groups=df["session_id"])):
    dtrain = lgb.Dataset(X.iloc[tr], y.iloc[tr])
    booster = lgb.train(PARAMS, dtrain, num_boost_round=N_ROUNDS)
    oof[va] = booster.predict(X.iloc[va])
    fold_rows.append({
        "fold": k,
        "auc": roc_auc_score(y.iloc[va], oof[va]),
        "logloss": log_loss(y.iloc[va], oof[va]),
        "n_val": len(va),
    })

folds = pd.DataFrame(fold_rows)
print(folds.round(4).to_string(index=False))
print(f"CV AUC {folds.auc.mean():.4f} +/- {folds.auc.std():.4f}")
print(f"pooled OOF AUC {roc_auc_score(y, oof):.4f}")

df["p_send"] = oof
by_grade = df.groupby("grade_v").agg(actual=("sent", "mean"), predicted=("p_send", "mean"), n=("sent", "size"))
print(by_grade.round(3))
