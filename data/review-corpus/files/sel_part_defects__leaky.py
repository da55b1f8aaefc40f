# label: leakage/selection
# twin: sel_part_defects__fixed.py
# source: hand-written for ai-ci held-out v10 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.metrics import f1_score, precision_score, recall_score

parts = pd.read_csv("plant_b/injection_molding_parts.csv")

num_cols = ["melt_temp_c", "mold_temp_c", "injection_pressure_bar", "hold_time_s",
            "cooling_time_s", "cycle_time_s", "shot_weight_g"]
cat_cols = ["machine_id", "resin_supplier", "shift"]

X = parts[num_cols + cat_cols]
y = parts["defective"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=0
)

preprocess = ColumnTransformer([
    ("num", StandardScaler(), num_cols),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
])
clf = Pipeline([
    ("prep", preprocess),
    ("lr", LogisticRegression(max_iter=2000, class_weight="balanced")),
])
clf.fit(X_train, y_train)


def pick_threshold(y_true, scores, grid=np.linspace(0.05, 0.95, 91)):
    f1s = [f1_score(y_true, (scores >= t).astype(int)) for t in grid]
    return float(grid[int(np.argmax(f1s))])


test_scores = clf.predict_proba(X_test)[:, 1]
threshold = pick_threshold(y_test, test_scores)
y_pred = (test_scores >= threshold).astype(int)

print(f"decision threshold: {threshold:.2f}")
print(f"precision: {precision_score(y_test, y_pred):.3f}")
print(f"recall:    {recall_score(y_test, y_pred):.3f}")
print(f"F1:        {f1_score(y_test, y_pred):.3f}")
