# label: leakage/none
# twin: sel_threshold_test__leaky.py
# source: hand-written for ai-ci held-out v2 after scikit-learn examples/model_selection/plot_tuned_decision_threshold.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn.datasets import fetch_openml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import TunedThresholdClassifierCV, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

diabetes = fetch_openml(data_id=37, as_frame=True, parser="pandas")
data, target = diabetes.data, diabetes.target
target = (target == "tested_positive").astype(int)

X_train, X_test, y_train, y_test = train_test_split(data, target, stratify=target, random_state=42)
model = make_pipeline(StandardScaler(), LogisticRegression())
tuned_model = TunedThresholdClassifierCV(model, scoring="f1", cv=5, random_state=0).fit(X_train, y_train)

print(f"cut-off point: {tuned_model.best_threshold_:.2f}")
print(f"F1 on the test set at that cut-off: {f1_score(y_test, tuned_model.predict(X_test)):.3f}")
