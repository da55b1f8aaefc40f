# label: leakage/none
# PM3 sheet-break early warning: 10-minute windows of wet-end / press / dryer sensors,
# label = a break occurred in the following 30 minutes.
import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

windows = pd.read_parquet("/data/mill/pm3_windows_10min.parquet")
windows["window_end"] = pd.to_datetime(windows["window_end"])
windows = windows.sort_values("window_end").reset_index(drop=True)

sensor_cols = [c for c in windows.columns if c.startswith(("wet_", "press_", "dry_", "reel_"))]
extra_cols = ["grade_gsm", "machine_speed_mpm", "minutes_since_last_break", "broke_ratio"]
X_cols = sensor_cols + extra_cols
label = "break_next_30min"

# hold out the last six weeks
cut = windows["window_end"].max() - pd.Timedelta(weeks=6)
train = windows[windows["window_end"] < cut - pd.Timedelta(hours=1)]
test = windows[windows["window_end"] >= cut]

X_tr, y_tr = train[X_cols].to_numpy(), train[label].to_numpy()
X_te, y_te = test[X_cols].to_numpy(), test[label].to_numpy()
print("train", X_tr.shape, "breaks", int(y_tr.sum()), "| test", X_te.shape, "breaks", int(y_te.sum()))

# breaks are rare, so the weighting of the positive class matters more than anything else
param_grid = {
    "svc__class_weight": [None, "balanced", {0: 1, 1: 5}, {0: 1, 1: 20}],
    "svc__C": [0.3, 1.0, 3.0],
}
pipe = make_pipeline(StandardScaler(), SVC(kernel="rbf", gamma="scale"))
search = GridSearchCV(
    pipe, param_grid, scoring="balanced_accuracy",
    cv=TimeSeriesSplit(n_splits=4, gap=6), n_jobs=-1,
)
search.fit(X_tr, y_tr)

res = pd.DataFrame(search.cv_results_)[["param_svc__class_weight", "param_svc__C", "mean_test_score"]]
print(res.sort_values("mean_test_score", ascending=False).to_string(index=False))
print("chosen:", search.best_params_, f"cv bal_acc={search.best_score_:.3f}")

final = search.best_estimator_
y_hat = final.predict(X_te)

print(f"hold-out balanced accuracy: {balanced_accuracy_score(y_te, y_hat):.3f}")
print(confusion_matrix(y_te, y_hat))
print(classification_report(y_te, y_hat, target_names=["running", "break"]))
print("n_features:", np.shape(X_te)[1])
