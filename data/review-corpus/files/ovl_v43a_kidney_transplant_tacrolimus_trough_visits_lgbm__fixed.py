# label: leakage/none
"""Flag clinic visits where the tacrolimus trough is likely to come back below
the target range, so pharmacists can review the dose before results arrive.

One row per outpatient visit of a kidney-transplant recipient.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

VISITS = "warehouse/tx_clinic_visits.parquet"
RECIPIENTS = "warehouse/tx_recipients.parquet"
LOW_TROUGH = 5.0  # ng/mL

NUMERIC = [
    "days_since_tx", "age_at_tx", "weight_kg", "dose_mg_day", "dose_mg_kg",
    "prev_trough", "days_since_prev_trough", "dose_change_since_prev",
    "haematocrit_last", "albumin_last", "alt_last", "creatinine_last", "egfr_last",
]
FLAGS = [
    "cyp3a5_expresser", "on_azole", "on_diltiazem", "on_rifampicin",
    "diarrhoea_reported", "once_daily_formulation", "living_donor",
]


def load():
    visits = pd.read_parquet(VISITS)
    recips = pd.read_parquet(RECIPIENTS)
    df = visits.merge(recips, on="recipient_id", how="inner")
    df = df[df["sample_timing"] == "pre_dose"].sort_values(["recipient_id", "visit_date"])
    return df


def add_features(df):
    df = df.copy()
    df["days_since_tx"] = (df["visit_date"] - df["tx_date"]).dt.days
    df["dose_mg_kg"] = df["dose_mg_day"] / df["weight_kg"]
    g = df.groupby("recipient_id")
    df["prev_trough"] = g["trough_ng_ml"].shift(1)
    df["days_since_prev_trough"] = g["visit_date"].diff().dt.days
    df["dose_change_since_prev"] = g["dose_mg_day"].diff()
    # bloods from the current draw are not back yet: use the last resulted values
    for lab in ["haematocrit", "albumin", "alt", "creatinine", "egfr"]:
        df[f"{lab}_last"] = g[lab].shift(1)
    df["low_trough"] = (df["trough_ng_ml"] < LOW_TROUGH).astype(int)
    # first few weeks are managed on the ward protocol
    return df[df["days_since_tx"] >= 14]


df = add_features(load())
X = df[NUMERIC + FLAGS].astype(float)
y = df["low_trough"]
print(f"{df['recipient_id'].nunique()} recipients, {len(df)} visits, "
      f"low-trough rate {y.mean():.1%}")

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=42)
train_idx, test_idx = next(gss.split(X, y, groups=df["recipient_id"]))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]

clf = lgb.LGBMClassifier(
    n_estimators=600,
    learning_rate=0.03,
    num_leaves=31,
    min_child_samples=30,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.8,
    reg_lambda=1.0,
    verbose=-1,
)
clf.fit(X_train, y_train)

p = clf.predict_proba(X_test)[:, 1]
print(f"ROC AUC: {roc_auc_score(y_test, p):.3f}")
print(f"Brier:   {brier_score_loss(y_test, p):.4f}")

# alert on the top fifth of risk, cut taken from the training visits
cut = np.quantile(clf.predict_proba(X_train)[:, 1], 0.8)
alert = p >= cut
print(f"alerts: {alert.sum()}  PPV {y_test[alert].mean():.2f}  "
      f"sensitivity {y_test[alert].sum() / y_test.sum():.2f}")

gain = pd.Series(clf.booster_.feature_importance("gain"), index=X.columns)
print(gain.sort_values(ascending=False).head(10).round(0).to_string())
