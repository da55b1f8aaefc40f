# label: leakage/none
"""Web break screening tree for PM3.

One row per grade run on the paper machine. `web_break` is 1 when the sheet
broke at least once during the run. Settings are the values logged by the DCS
in the first 15 minutes after the grade change.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import TimeSeriesSplit, cross_val_score
from sklearn.tree import DecisionTreeClassifier, export_text

RUNS = "data/pm3_grade_runs_2021_2024.csv"

FEATURES = [
    "basis_weight_gsm",
    "machine_speed_mpm",
    "headbox_consistency_pct",
    "wet_end_ph",
    "retention_aid_kg_t",
    "broke_ratio_pct",
    "ash_content_pct",
    "press_nip_load_kn_m",
    "dryer_steam_bar",
    "reel_moisture_pct",
    "draw_difference_pct",
    "furnish_recycled_pct",
]
TREE_KW = dict(class_weight="balanced", min_samples_leaf=20, random_state=7)

runs = pd.read_csv(RUNS, parse_dates=["run_start"])
runs = runs.dropna(subset=FEATURES + ["web_break"])
runs = runs.sort_values("run_start").reset_index(drop=True)
print(f"{len(runs)} grade runs, break rate {runs['web_break'].mean():.3f}")

# last six months go into the quarterly report for the mill manager
cutoff = runs["run_start"].max() - pd.DateOffset(months=6)
train = runs[runs["run_start"] <= cutoff]
test = runs[runs["run_start"] > cutoff]

X_train, y_train = train[FEATURES], train["web_break"].astype(int)
X_test, y_test = test[FEATURES], test["web_break"].astype(int)
print(f"train runs: {len(train)}  report runs: {len(test)}")

# operators want a tree small enough to print for the control room wall
base = DecisionTreeClassifier(**TREE_KW)
path = base.cost_complexity_pruning_path(X_train, y_train)
alphas = np.unique(path.ccp_alphas[:-1])
# the path has hundreds of nearly identical values, thin it out
alphas = alphas[:: max(1, len(alphas) // 40)]

# forward-chaining folds over the training runs
cv = TimeSeriesSplit(n_splits=5)
rows = []
for a in alphas:
    tree = DecisionTreeClassifier(ccp_alpha=a, **TREE_KW)
    bacc = cross_val_score(tree, X_train, y_train, cv=cv, scoring="balanced_accuracy").mean()
    n_leaves = tree.fit(X_train, y_train).get_n_leaves()
    rows.append((a, n_leaves, bacc))

sweep = pd.DataFrame(rows, columns=["ccp_alpha", "n_leaves", "balanced_acc"])
print(sweep.round(4).to_string(index=False))

best_alpha = sweep.loc[sweep["balanced_acc"].idxmax(), "ccp_alpha"]
final_tree = DecisionTreeClassifier(ccp_alpha=best_alpha, **TREE_KW)
final_tree.fit(X_train, y_train)

pred = final_tree.predict(X_test)
print(f"\nccp_alpha={best_alpha:.5f}  leaves={final_tree.get_n_leaves()}")
print(f"balanced accuracy, last 6 months: {balanced_accuracy_score(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["no break", "break"]))
print(export_text(final_tree, feature_names=FEATURES, decimals=2))
