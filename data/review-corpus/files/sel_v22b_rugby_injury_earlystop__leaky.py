# label: leakage/selection
import numpy as np
import pandas as pd
import lightgbm as lgb
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, average_precision_score

PARAMS = {
    "objective": "binary",
    "learning_rate": 0.03,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 2.0,
    "verbose": -1,
}
MAX_ROUNDS = 3000
TARGET = "soft_tissue_injury_next_week"


class WorkloadFeatures:
    """Weekly GPS / RPE load features per player (past and current week only)."""

    def __init__(self, acute=1, chronic=4):
        self.acute = acute
        self.chronic = chronic

    def transform(self, df):
        df = df.sort_values(["player_id", "season", "week"]).copy()
        g = df.groupby("player_id")
        for col in ["total_distance_m", "hsr_distance_m", "collisions", "session_rpe_load"]:
            acute = g[col].transform(lambda s: s.rolling(self.acute, min_periods=1).mean())
            chronic = g[col].transform(lambda s: s.rolling(self.chronic, min_periods=1).mean())
            df[f"{col}_acwr"] = acute / (chronic + 1e-6)
            df[f"{col}_wk_change"] = g[col].diff().fillna(0)
        df["prev_injuries"] = g["injured_this_week"].cumsum() - df["injured_this_week"]
        df["minutes_last_match"] = g["match_minutes"].shift(1).fillna(0)
        return df


raw = pd.read_csv("data/club_weekly_loads.csv")
data = WorkloadFeatures().transform(raw)
data["position_group"] = data["position"].map(
    {"prop": 0, "hooker": 0, "lock": 0, "flanker": 1, "number8": 1,
     "scrumhalf": 2, "flyhalf": 2, "centre": 3, "wing": 3, "fullback": 3}
)

feature_cols = [c for c in data.columns if c.endswith(("_acwr", "_wk_change"))] + [
    "age", "body_mass_kg", "position_group", "prev_injuries", "minutes_last_match",
    "sleep_score", "wellness_score",
]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=11)
train_idx, test_idx = next(splitter.split(data, groups=data["player_id"]))
train, test = data.iloc[train_idx], data.iloc[test_idx]
print(f"players train={train.player_id.nunique()} test={test.player_id.nunique()}")
print(f"injury weeks: train {train[TARGET].sum()} / test {test[TARGET].sum()}")

dtrain = lgb.Dataset(train[feature_cols], label=train[TARGET])
dtest = lgb.Dataset(test[feature_cols], label=test[TARGET], reference=dtrain)

booster = lgb.train(
    PARAMS,
    dtrain,
    num_boost_round=MAX_ROUNDS,
    valid_sets=[dtest],
    valid_names=["holdout"],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)
print("best iteration:", booster.best_iteration)

pred = booster.predict(test[feature_cols], num_iteration=booster.best_iteration)
print(f"holdout AUC   {roc_auc_score(test[TARGET], pred):.3f}")
print(f"holdout AUPRC {average_precision_score(test[TARGET], pred):.3f}")

imp = pd.Series(
    booster.feature_importance(importance_type="gain"), index=feature_cols
).sort_values(ascending=False)
print(imp.head(12).round(1))

top_decile = test.assign(risk=pred).nlargest(int(0.1 * len(test)), "risk")
print(f"injury rate in top-10% risk weeks: {top_decile[TARGET].mean():.3f} "
      f"(base {test[TARGET].mean():.3f})")
