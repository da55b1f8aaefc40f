# label: leakage/none
"""Serve type (flat / slice / kick) from a wrist-worn IMU.

The classifier ships in the academy app, so it has to work for players who
sign up after the model is trained. Each row is one serve: summary features
of the 1.5 s window around ball impact.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.metrics import ConfusionMatrixDisplay, classification_report
from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

serves = pd.read_csv("data/imu/serve_windows.csv")
players = pd.read_csv("data/imu/players.csv")  # player_id, handedness, level, height_cm
serves = serves.merge(players, on="player_id", how="left")

serves = serves[serves["serve_type"].isin(["flat", "slice", "kick"])]
serves = serves[serves["impact_detected"] == 1].reset_index(drop=True)
print(serves.groupby("player_id").size().describe())

# mirror lateral axes for left-handers so spin direction means the same thing
lefty = serves["handedness"] == "L"
for col in ["gyro_x_peak", "gyro_x_mean", "acc_y_peak", "pronation_deg"]:
    serves.loc[lefty, col] = -serves.loc[lefty, col]

serves["gyro_ratio_xz"] = serves["gyro_x_peak"] / serves["gyro_z_peak"].abs().clip(lower=1e-3)
serves["swing_time_ms"] = serves["impact_ms"] - serves["trophy_ms"]

FEATURES = [
    "acc_norm_peak", "acc_norm_mean", "acc_y_peak", "gyro_x_peak", "gyro_x_mean",
    "gyro_y_peak", "gyro_z_peak", "gyro_ratio_xz", "pronation_deg", "racket_drop_deg",
    "swing_time_ms", "impact_jerk", "toss_height_est_cm", "height_cm",
]
X = serves[FEATURES].to_numpy()
y = serves["serve_type"].to_numpy()
groups = serves["player_id"].to_numpy()

clf = make_pipeline(
    StandardScaler(),
    ExtraTreesClassifier(n_estimators=600, min_samples_leaf=2, class_weight="balanced",
                         n_jobs=-1, random_state=21),
)

cv = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=21)
scores = cross_validate(clf, X, y, groups=groups, cv=cv, scoring=["accuracy", "f1_macro"])
print("accuracy : %.3f +/- %.3f" % (scores["test_accuracy"].mean(), scores["test_accuracy"].std()))
print("macro F1 : %.3f +/- %.3f" % (scores["test_f1_macro"].mean(), scores["test_f1_macro"].std()))

pred = cross_val_predict(clf, X, y, groups=groups, cv=cv)
print(classification_report(y, pred, digits=3))

by_level = pd.DataFrame({"level": serves["level"], "hit": pred == y}).groupby("level")["hit"].mean()
print(by_level)

disp = ConfusionMatrixDisplay.from_predictions(y, pred, normalize="true", values_format=".2f")
disp.figure_.savefig("reports/serve_confusion.png", dpi=150)

clf.fit(X, y)
np.save("models/serve_feature_order.npy", np.array(FEATURES))
