# label: leakage/preprocessing
# twin: pre_mutual_info_topk_churn__fixed.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.feature_selection import mutual_info_classif
from sklearn.model_selection import StratifiedKFold, cross_val_score

TOP_K = 25


def usage_matrix(path):
    """Wide table of per-customer product-usage aggregates (~300 columns)."""
    wide = pd.read_parquet(path)
    return wide.fillna(0)


usage = usage_matrix("warehouse/telco_usage_wide_q1.parquet")
labels = pd.read_csv("warehouse/churned_in_q2.csv", index_col="customer_id")["churned"]
usage = usage.loc[labels.index]

mi = mutual_info_classif(usage.values, labels.values, random_state=0)
ranking = pd.Series(mi, index=usage.columns).sort_values(ascending=False)
top_cols = ranking.index[:TOP_K].tolist()
print("most informative:", ", ".join(top_cols[:8]), "...")

forest = RandomForestClassifier(n_estimators=500, min_samples_leaf=5, class_weight="balanced",
                                n_jobs=-1, random_state=0)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
auc = cross_val_score(forest, usage[top_cols], labels, cv=cv, scoring="roc_auc")
print(f"churn AUC with top-{TOP_K} features: {auc.mean():.3f} (sd {np.std(auc):.3f})")
