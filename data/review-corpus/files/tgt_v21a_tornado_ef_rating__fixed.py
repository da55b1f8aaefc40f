# label: leakage/none
"""Tornado warnings: which confirmed tornadoes reach EF2+? Radar and near-storm environment at warning time."""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from xgboost import XGBClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, average_precision_score, brier_score_loss

EVENTS = "data/tornado_events_radar.csv"
RADAR = ["rot_velocity_kt", "meso_depth_km", "meso_base_m", "tvs_flag", "meso_diameter_km",
         "range_to_radar_km", "storm_speed_kt", "vil_kgm2"]
ENVIRONMENT = ["mlcape", "mlcin", "srh_0_1km", "shear_0_6km_kt", "lcl_height_m", "stp"]
SURVEY = ["ef_rating", "path_length_km", "path_width_m", "injuries", "fatalities", "damage_usd"]
DROP = ["event_id", "warning_office", "ef_rating", "path_length_km", "path_width_m",
        "injuries", "fatalities", "damage_usd"]

XGB = dict(n_estimators=500, max_depth=4, learning_rate=0.04, subsample=0.85,
           colsample_bytree=0.8, min_child_weight=3, eval_metric="logloss",
           random_state=6)


def read_events(path):
    ev = pd.read_csv(path, parse_dates=["warning_issued"],
                     usecols=["event_id", "warning_office", "warning_issued"] + RADAR + ENVIRONMENT + SURVEY)
    ev = ev.dropna(subset=["ef_rating"])
    ev["significant"] = (ev["ef_rating"] >= 2).astype(int)
    ev["month"] = ev["warning_issued"].dt.month
    ev["hour_local"] = ev["warning_issued"].dt.hour
    ev["night"] = ev["hour_local"].isin([21, 22, 23, 0, 1, 2, 3, 4, 5]).astype(int)
    return ev.drop(columns=["warning_issued"])


def reliability(y_true, prob, bins=10):
    frame = pd.DataFrame({"y": y_true, "p": prob})
    frame["bin"] = pd.cut(frame["p"], np.linspace(0, 1, bins + 1), include_lowest=True)
    return frame.groupby("bin", observed=True).agg(obs=("y", "mean"), pred=("p", "mean"), n=("y", "size"))


events = read_events(EVENTS)
print(events.shape, "EF2+ share:", events["significant"].mean().round(3))
print(events.groupby("ef_rating")[["rot_velocity_kt", "stp", "srh_0_1km"]].median())

X = events.drop(columns=DROP + ["significant"]).select_dtypes("number")
y = events["significant"]
print("features:", list(X.columns))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=6)

pos_weight = (y_train == 0).sum() / max((y_train == 1).sum(), 1)
model = XGBClassifier(scale_pos_weight=pos_weight, **XGB)
model.fit(X_train, y_train)

prob = model.predict_proba(X_test)[:, 1]
print("ROC AUC :", round(roc_auc_score(y_test, prob), 3))
print("PR AUC  :", round(average_precision_score(y_test, prob), 3))
print("Brier   :", round(brier_score_loss(y_test, prob), 4))
print(reliability(y_test.to_numpy(), prob).round(3))

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values()
gain.tail(12).plot.barh(figsize=(6, 4), title="XGBoost gain")
plt.tight_layout()
plt.savefig("tornado_gain.png", dpi=110)
