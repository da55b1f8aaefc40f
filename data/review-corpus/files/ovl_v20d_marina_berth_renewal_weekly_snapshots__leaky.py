# label: leakage/overlap
"""Marina berth contracts: which holders will renew for the coming season?"""
import glob
import numpy as np
import pandas as pd
from xgboost import XGBClassifier
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, classification_report, confusion_matrix

EXPORT_GLOB = "exports/weekly_snapshot_*/berth_contracts.csv"
SEASON = 2024
FEATURES = [
    "berth_length_m", "boat_length_m", "boat_age_years", "years_as_holder",
    "fee_increase_pct", "arrears_days_at_notice", "liveaboard", "winter_storage",
    "waitlist_at_notice", "distance_home_km", "owner_age", "pontoon_code",
    "electric_hookup", "fill_ratio",
]
PONTOON_CODES = {"A": 0, "B": 1, "C": 2, "D": 3, "visitor": 4}


def read_exports(pattern):
    frames = []
    for path in sorted(glob.glob(pattern)):
        part = pd.read_csv(path, parse_dates=["notice_sent", "exported_at"])
        part["snapshot"] = path.split("/")[-2]
        frames.append(part)
        print(f"{path}: {len(part)} rows")
    return pd.concat(frames, ignore_index=True)


def prepare(raw):
    df = raw[raw["season"] == SEASON].copy()
    df["fill_ratio"] = df["boat_length_m"] / df["berth_length_m"]
    df["pontoon_code"] = df["pontoon"].map(PONTOON_CODES).fillna(4).astype(int)
    df["liveaboard"] = df["liveaboard"].astype(int)
    df["winter_storage"] = df["winter_storage"].astype(int)
    df["electric_hookup"] = df["electric_hookup"].fillna(False).astype(int)
    return df


contracts = prepare(read_exports(EXPORT_GLOB))
print("contracts:", len(contracts), "renewal rate: %.2f" % contracts["renewed"].mean())

X = contracts[FEATURES]
y = contracts["renewed"].astype(int)
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, stratify=y, random_state=5
)

clf = XGBClassifier(
    n_estimators=350,
    learning_rate=0.04,
    max_depth=4,
    subsample=0.9,
    colsample_bytree=0.8,
    min_child_weight=3,
    eval_metric="logloss",
    random_state=5,
)
clf.fit(X_train, y_train)

proba = clf.predict_proba(X_test)[:, 1]
pred = (proba >= 0.5).astype(int)
print("ROC AUC: %.3f" % roc_auc_score(y_test, proba))
print(confusion_matrix(y_test, pred))
print(classification_report(y_test, pred, target_names=["leaves", "renews"]))

importance = pd.Series(clf.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(importance.head(8).round(3))

at_risk = contracts.loc[X_test.index].assign(p_renew=proba).sort_values("p_renew").head(20)
print(at_risk[["contract_id", "pontoon", "berth_length_m", "fee_increase_pct", "p_renew"]])
