# label: leakage/overlap
"""Seven-day mortality risk from weekly hospice nursing assessments."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

ASSESSMENTS = "exports/hospice_weekly_assessments.csv"
PATIENTS = "exports/hospice_admissions.csv"

SCORE_COLS = ["pps_score", "esas_pain", "esas_dyspnea", "esas_drowsiness", "esas_appetite",
              "oral_intake_ml", "sbp", "heart_rate", "resp_rate", "spo2", "weight_kg"]


def load():
    visits = pd.read_csv(ASSESSMENTS, parse_dates=["assessed_at"])
    admits = pd.read_csv(PATIENTS, parse_dates=["admitted_at"])
    df = visits.merge(admits[["patient_id", "admitted_at", "primary_dx", "age", "lives_alone"]],
                      on="patient_id", how="left")
    df["days_on_service"] = (df["assessed_at"] - df["admitted_at"]).dt.days
    return df.sort_values(["patient_id", "assessed_at"])


def add_trend_features(df):
    g = df.groupby("patient_id")
    df["pps_delta"] = g["pps_score"].diff().fillna(0)
    df["weight_delta"] = g["weight_kg"].diff().fillna(0)
    df["intake_delta"] = g["oral_intake_ml"].diff().fillna(0)
    df["visit_number"] = g.cumcount() + 1
    return df


df = add_trend_features(load())
df = pd.get_dummies(df, columns=["primary_dx"], prefix="dx", dtype=int)
dx_cols = [c for c in df.columns if c.startswith("dx_")]
feature_cols = SCORE_COLS + ["days_on_service", "age", "lives_alone", "pps_delta",
                             "weight_delta", "intake_delta", "visit_number"] + dx_cols

X = df[feature_cols]
y = df["died_within_7d"]
print(f"{df['patient_id'].nunique()} patients, {len(df)} assessments, event rate {y.mean():.3f}")

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=8
)

model = xgb.XGBClassifier(
    n_estimators=400,
    max_depth=4,
    learning_rate=0.05,
    subsample=0.9,
    colsample_bytree=0.8,
    eval_metric="logloss",
    tree_method="hist",
)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print("AUROC :", round(roc_auc_score(y_test, proba), 3))
print("Brier :", round(brier_score_loss(y_test, proba), 4))

frac_pos, mean_pred = calibration_curve(y_test, proba, n_bins=10, strategy="quantile")
for p, f in zip(mean_pred, frac_pos):
    print(f"  predicted {p:.2f} -> observed {f:.2f}")

gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
print(gain.sort_values(ascending=False).head(12).round(2))
