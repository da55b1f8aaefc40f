# label: leakage/none
"""Downy mildew outbreaks in hop yards, one row per yard and scouting week.

Outbreak weeks are rare (~6%), so the positive class is up-weighted in XGBoost.
Training seasons 2015-2021, hold-out seasons 2022-2023.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
import matplotlib.pyplot as plt
from sklearn.metrics import f1_score, precision_score, recall_score, ConfusionMatrixDisplay

SCOUTING = "data/hop_scouting_weeks.csv"
WEATHER = "data/hop_weather_weekly.csv"
POS_WEIGHTS = [1, 2, 4, 8, 12, 16]
XGB_BASE = dict(
    n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.9,
    colsample_bytree=0.8, eval_metric="logloss", random_state=3, n_jobs=4,
)
VARIETY_SUSCEPTIBILITY = {"Cascade": 2, "Fuggle": 3, "Goldings": 3, "Target": 1, "Challenger": 1, "Centennial": 2}


def build_table():
    scout = pd.read_csv(SCOUTING, parse_dates=["week_start"])
    weather = pd.read_csv(WEATHER, parse_dates=["week_start"])
    df = scout.merge(weather, on=["station_id", "week_start"], how="left", validate="many_to_one")
    df = df.sort_values(["yard_id", "week_start"]).reset_index(drop=True)
    df["season"] = df["week_start"].dt.year
    df["susceptibility"] = df["variety"].map(VARIETY_SUSCEPTIBILITY).fillna(2)
    g = df.groupby("yard_id")
    df["outbreak_prev_week"] = g["outbreak"].shift(1).fillna(0)
    df["wet_hours_prev_week"] = g["leaf_wet_hours"].shift(1)
    df["days_since_spray"] = (df["week_start"] - df["last_spray_before_week"].pipe(pd.to_datetime)).dt.days.clip(0, 60)
    df["week_of_season"] = df["week_start"].dt.isocalendar().week.astype(int) - 16
    return df


FEATURES = [
    "leaf_wet_hours", "wet_hours_prev_week", "rain_mm", "temp_mean_c", "rh_mean",
    "susceptibility", "days_since_spray", "outbreak_prev_week", "week_of_season",
    "bine_height_m", "yard_age_years",
]


def evaluate(model, X, y):
    pred = model.predict(X)
    return {
        "f1": f1_score(y, pred),
        "precision": precision_score(y, pred, zero_division=0),
        "recall": recall_score(y, pred),
    }


df = build_table()
train = df[df["season"] <= 2021]
test = df[df["season"] >= 2022]
X_train, y_train = train[FEATURES], train["outbreak"]
X_test, y_test = test[FEATURES], test["outbreak"]
print("outbreak rate train/test:", round(y_train.mean(), 4), round(y_test.mean(), 4))

inner = train[train["season"] <= 2020]
val = train[train["season"] == 2021]
results = []
for spw in POS_WEIGHTS:
    clf = xgb.XGBClassifier(scale_pos_weight=spw, **XGB_BASE)
    clf.fit(inner[FEATURES], inner["outbreak"])
    scores = evaluate(clf, val[FEATURES], val["outbreak"])
    results.append({"scale_pos_weight": spw, **scores, "model": clf})
    print(f"spw={spw:>3}  f1={scores['f1']:.3f}  p={scores['precision']:.3f}  r={scores['recall']:.3f}")

table = pd.DataFrame(results).drop(columns="model").set_index("scale_pos_weight")
best = max(results, key=lambda r: r["f1"])
model = xgb.XGBClassifier(scale_pos_weight=best["scale_pos_weight"], **XGB_BASE).fit(X_train, y_train)
held = evaluate(model, X_test, y_test)
print(f"\nscale_pos_weight={best['scale_pos_weight']}")
print(f"2022-2023 hold-out F1: {held['f1']:.3f}  precision: {held['precision']:.3f}  recall: {held['recall']:.3f}")

fig, axes = plt.subplots(1, 2, figsize=(10, 4))
table[["f1", "precision", "recall"]].plot(marker="o", ax=axes[0], title="scale_pos_weight sweep")
ConfusionMatrixDisplay.from_predictions(y_test, model.predict(X_test), ax=axes[1], colorbar=False)
axes[1].set_title("Hold-out seasons")
plt.tight_layout()
plt.savefig("hop_mildew_xgb.png", dpi=110)

gain = pd.Series(model.get_booster().get_score(importance_type="gain")).sort_values(ascending=False)
print(gain.head(6).round(1))
