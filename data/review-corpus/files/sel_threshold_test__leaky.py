# label: leakage/selection
# twin: sel_threshold_test__fixed.py
# source: hand-written for ai-ci held-out v2 after scikit-learn examples/model_selection/plot_tuned_decision_threshold.py (BSD-3-Clause, (c) the scikit-learn developers)
import numpy as np
from sklearn.datasets import fetch_openml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

diabetes = fetch_openml(data_id=37, as_frame=True, parser="pandas")
data, target = diabetes.data, diabetes.target
target = (target == "tested_positive").astype(int)

X_train, X_test, y_train, y_test = train_test_split(data, target, stratify=target, random_state=42)
model = make_pipeline(StandardScaler(), LogisticRegression()).fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
thresholds = np.linspace(0.05, 0.95, 91)
f1s = [f1_score(y_test, proba >= t) for t in thresholds]
best_threshold = thresholds[int(np.argmax(f1s))]

print(f"cut-off point: {best_threshold:.2f}")
print(f"F1 on the test set at that cut-off: {f1_score(y_test, proba >= best_threshold):.3f}")
