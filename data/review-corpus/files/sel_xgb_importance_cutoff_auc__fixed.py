# label: leakage/none
# twin: sel_xgb_importance_cutoff_auc__leaky.py
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

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=3)
X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=0.25, stratify=y_dev,
                                                  random_state=3)

base = XGBClassifier(**PARAMS).fit(X_train, y_train)
thresholds = np.unique(base.feature_importances_)[::-1]

history = []
for thresh in thresholds[:40]:
    selector = SelectFromModel(base, threshold=thresh, prefit=True)
    cols = X_train.columns[selector.get_support()]
    model = XGBClassifier(**PARAMS).fit(X_train[cols], y_train)
    auc = roc_auc_score(y_val, model.predict_proba(X_val[cols])[:, 1])
    history.append({"threshold": float(thresh), "n_features": len(cols), "val_auc": auc})

history = pd.DataFrame(history)
best_row = history.loc[history["val_auc"].idxmax()]
keep = X_train.columns[base.feature_importances_ >= best_row["threshold"]]
final = XGBClassifier(**PARAMS).fit(X_train[keep], y_train)
test_auc = roc_auc_score(y_test, final.predict_proba(X_test[keep])[:, 1])
print(history.tail(10))
print(f"keeping {len(keep)} features, held-out AUC={test_auc:.4f}")
pd.Series(keep).to_csv("artifacts/selected_features.csv", index=False)
