# label: leakage/selection
# Smart-handle and sweeping-sensor data from the club's instrumented sheets.
# A "pick" is a delivery whose running band catches debris and falls off line;
# the ice crew wants a warning score per end so they can re-pebble or scrape.
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from xgboost import XGBClassifier
from sklearn.metrics import average_precision_score, roc_auc_score, precision_recall_curve

DATA = "data/curling_deliveries.csv"
TEST_SEASON = "2024-25"

NUMERIC = [
    "release_speed_ms", "handle_rotation_rpm", "release_angle_deg",
    "sweep_strokes", "sweep_force_mean_n", "ice_temp_c", "air_temp_c",
    "humidity_pct", "minutes_since_pebble", "minutes_since_scrape",
    "end_number", "stones_already_played", "sheet_traffic_today",
]
LEVELS = {
    "sheet": ["A", "B", "C", "D", "E", "F"],
    "shot_type": ["draw", "guard", "takeout", "tap"],
    "delivering_hand": ["right", "left"],
}

BASE_PARAMS = dict(
    n_estimators=350,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.85,
    colsample_bytree=0.8,
    min_child_weight=3,
    eval_metric="aucpr",
    tree_method="hist",
    random_state=3,
)
POS_WEIGHTS = [1.0, 2.0, 4.0, 8.0, 12.0, 20.0]


def build_frame(path):
    raw = pd.read_csv(path, parse_dates=["game_date"])
    raw = raw[raw["shot_type"].isin(LEVELS["shot_type"])].reset_index(drop=True)
    X = raw[NUMERIC].astype(float).copy()
    for col, levels in LEVELS.items():
        for level in levels:
            X[f"{col}_{level}"] = (raw[col] == level).astype(float)
    y = raw["pick"].astype(int)
    return raw, X, y


class PickModel:
    def __init__(self, pos_weight):
        self.pos_weight = pos_weight
        self.clf = XGBClassifier(scale_pos_weight=pos_weight, **BASE_PARAMS)

    def fit(self, X, y):
        self.clf.fit(X, y, verbose=False)
        return self

    def score(self, X):
        return self.clf.predict_proba(X)[:, 1]


raw, X, y = build_frame(DATA)
is_test = (raw["season"] == TEST_SEASON).to_numpy()
X_train, y_train = X[~is_test], y[~is_test]
X_test, y_test = X[is_test], y[is_test]
print(f"deliveries: train {len(y_train)}, test {len(y_test)}; pick rate {y_train.mean():.3f}")

table = []
for w in POS_WEIGHTS:
    m = PickModel(w).fit(X_train, y_train)
    p = m.score(X_test)
    table.append({"pos_weight": w, "ap": average_precision_score(y_test, p)})
table = pd.DataFrame(table)
print(table.to_string(index=False))

best_w = table.loc[table["ap"].idxmax(), "pos_weight"]
model = PickModel(best_w).fit(X_train, y_train)
p_test = model.score(X_test)

ap = average_precision_score(y_test, p_test)
auc = roc_auc_score(y_test, p_test)
print(f"scale_pos_weight={best_w}: test AP={ap:.3f}  ROC AUC={auc:.3f}")

prec, rec, _ = precision_recall_curve(y_test, p_test)
plt.figure(figsize=(5, 4))
plt.plot(rec, prec)
plt.axhline(y_test.mean(), ls="--", color="grey")
plt.xlabel("recall")
plt.ylabel("precision")
plt.title(f"Pick warning, season {TEST_SEASON}")
plt.tight_layout()
plt.savefig("pick_pr_curve.png")

imp = pd.Series(model.clf.feature_importances_, index=X.columns).sort_values()
print(imp.tail(10).round(3))
