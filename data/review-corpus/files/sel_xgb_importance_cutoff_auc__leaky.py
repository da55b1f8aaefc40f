# label: leakage/selection
# twin: sel_xgb_importance_cutoff_auc__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.feature_selection import SelectFromModel
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

PARAMS = dict(n_estimators=400, max_depth=5, learning_rate=0.05, subsample=0.8,
              colsample_bytree=0.8, eval_metric="auc", random_state=3)

apps = pd.read_parquet("data/loan_applications_features.parquet")
y = apps.pop("defaulted").astype(int)
X = apps.drop(columns=["application_id"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=3)

base = XGBClassifier(**PARAMS).fit(X_train, y_train)
thresholds = np.unique(base.feature_importances_)[::-1]

history = []
for thresh in thresholds[:40]:
    selector = SelectFromModel(base, threshold=thresh, prefit=True)
    cols = X_train.columns[selector.get_support()]
    model = XGBClassifier(**PARAMS).fit(X_train[cols], y_train)
    auc = roc_auc_score(y_test, model.predict_proba(X_test[cols])[:, 1])
    history.append({"threshold": float(thresh), "n_features": len(cols), "auc": auc})

history = pd.DataFrame(history)
best_row = history.loc[history["auc"].idxmax()]
keep = X_train.columns[base.feature_importances_ >= best_row["threshold"]]
print(history.tail(10))
print(f"keeping {len(keep)} features, AUC={best_row['auc']:.4f}")
pd.Series(keep).to_csv("artifacts/selected_features.csv", index=False)
