# label: leakage/selection
"""Classify hatchery eggs as fertile or clear from day-4 candling image statistics and flock data."""
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectFromModel
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

eggs = pd.read_parquet("candling_day4_features.parquet")
flocks = pd.read_csv("breeder_flocks.csv")

df = eggs.merge(flocks, on="flock_id", how="left")
df = df[df["candling_ok"] == 1].copy()
df["hen_age_weeks"] = df["hen_age_weeks"].astype(float)
df["storage_days"] = df["storage_days"].clip(upper=21)
df["shell_bright_ratio"] = df["bright_px_mean"] / (df["dark_px_mean"] + 1.0)

feature_cols = [c for c in df.columns if c.startswith(("hist_", "glcm_", "lbp_"))]
feature_cols += ["hen_age_weeks", "storage_days", "shell_bright_ratio",
                 "egg_weight_g", "setter_temp_c", "setter_humidity_pct", "cock_hen_ratio"]

X = df[feature_cols].to_numpy(dtype=np.float32)
y = df["fertile"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=4
)

params = dict(n_estimators=400, max_depth=4, learning_rate=0.05,
              subsample=0.8, colsample_bytree=0.8, eval_metric="logloss")

ranker = XGBClassifier(**params).fit(X_train, y_train)
importances = np.sort(ranker.feature_importances_)[::-1]

scores = {}
for thr in np.unique(importances)[::-1][:25]:
    selector = SelectFromModel(ranker, threshold=thr, prefit=True)
    Xs_train = selector.transform(X_train)
    Xs_test = selector.transform(X_test)
    clf = XGBClassifier(**params).fit(Xs_train, y_train)
    proba = clf.predict_proba(Xs_test)[:, 1]
    scores[thr] = (roc_auc_score(y_test, proba), Xs_train.shape[1], proba)

best_thr = max(scores, key=lambda t: scores[t][0])
auc, n_kept, proba = scores[best_thr]
print(f"features kept: {n_kept} of {X.shape[1]} (threshold {best_thr:.4f})")
print(f"Test ROC AUC: {auc:.4f}")
print(f"Test AP:      {average_precision_score(y_test, proba):.4f}")
