# label: leakage/none
# twin: pre_r17b_sawmill_board_species_fill__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder
from sklearn.metrics import accuracy_score, f1_score, confusion_matrix

SCANNER_FILE = "sawmill/board_scanner_2023.parquet"
GRADES = ["FAS", "SEL", "1COM", "2COM", "3COM"]
MOISTURE_COLS = ["mc_core_pct", "mc_shell_pct"]
SCAN_COLS = [
    "length_mm", "width_mm", "thickness_mm", "wane_mm", "knot_count",
    "max_knot_diam_mm", "split_len_mm", "stain_area_pct", "density_kg_m3",
    "log_small_end_cm", "log_position",
]


def read_boards(path):
    boards = pd.read_parquet(path)
    boards = boards[boards["grade"].isin(GRADES)].copy()
    boards["area_m2"] = boards["length_mm"] * boards["width_mm"] / 1e6
    boards["knots_per_m2"] = boards["knot_count"] / boards["area_m2"]
    boards["mc_gradient"] = boards["mc_core_pct"] - boards["mc_shell_pct"]
    return boards


def fill_moisture(frame, medians=None):
    """Missing kiln probe readings -> species median."""
    if medians is None:
        medians = frame.groupby("species")[MOISTURE_COLS].median()
    frame = frame.copy()
    for col in MOISTURE_COLS:
        frame[col] = frame[col].fillna(frame["species"].map(medians[col]))
    frame["mc_gradient"] = frame["mc_core_pct"] - frame["mc_shell_pct"]
    return frame, medians


boards = read_boards(SCANNER_FILE)
print(boards["grade"].value_counts())
print("missing moisture share:", boards[MOISTURE_COLS].isna().mean().round(3).to_dict())

species_dummies = pd.get_dummies(boards["species"], prefix="sp", dtype=float)
feature_cols = SCAN_COLS + MOISTURE_COLS + ["area_m2", "knots_per_m2", "mc_gradient"]
X = pd.concat([boards[feature_cols], species_dummies], axis=1)
enc = LabelEncoder().fit(GRADES)
y = enc.transform(boards["grade"])

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=31
)
X_train, species_medians = fill_moisture(X_train.assign(species=boards.loc[X_train.index, "species"]))
X_test, _ = fill_moisture(X_test.assign(species=boards.loc[X_test.index, "species"]), species_medians)
X_train = X_train.drop(columns="species")
X_test = X_test.drop(columns="species")

clf = xgb.XGBClassifier(
    objective="multi:softprob",
    n_estimators=500,
    max_depth=6,
    learning_rate=0.06,
    subsample=0.9,
    colsample_bytree=0.7,
    tree_method="hist",
    random_state=31,
)
clf.fit(X_train, y_train)
pred = clf.predict(X_test)

print("accuracy :", round(accuracy_score(y_test, pred), 4))
print("macro F1 :", round(f1_score(y_test, pred, average="macro"), 4))
cm = pd.DataFrame(confusion_matrix(y_test, pred), index=enc.classes_, columns=enc.classes_)
print(cm)

value_per_grade = {"FAS": 1450, "SEL": 1280, "1COM": 980, "2COM": 610, "3COM": 380}
true_val = np.array([value_per_grade[g] for g in enc.inverse_transform(y_test)])
pred_val = np.array([value_per_grade[g] for g in enc.inverse_transform(pred)])
print(f"mean abs value error per board-m3: {np.mean(np.abs(true_val - pred_val)):.1f}")
