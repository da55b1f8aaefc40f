# label: leakage/target
# twin: tgt_readmission_days_kept__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

stays = pd.read_csv("index_admissions.csv")
stays["readmit_30d"] = (stays["days_to_readmission"].fillna(999) <= 30).astype(int)
stays["days_to_readmission"] = stays["days_to_readmission"].fillna(-1)

numeric = stays.select_dtypes("number").drop(columns=["readmit_30d", "encounter_id"])
clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, C=0.5))
auc = cross_val_score(clf, numeric, stays["readmit_30d"], cv=5, scoring="roc_auc")
print(f"30-day readmission AUC: {auc.mean():.3f}")
