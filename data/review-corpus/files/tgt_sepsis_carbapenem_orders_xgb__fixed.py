# label: leakage/none
# twin: tgt_sepsis_carbapenem_orders_xgb__leaky.py
# source: hand-written for ai-ci held-out v6 (Apache-2.0)
"""Early sepsis warning from the first 6 hours of an admission."""
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

VITALS = ["heart_rate", "resp_rate", "temp_c", "sbp", "spo2", "gcs"]
LABS = ["lactate", "wbc", "creatinine", "platelets"]

adm = pd.read_parquet("ehr/admissions.parquet")          # one row per admission
first6h = pd.read_parquet("ehr/first6h_aggregates.parquet")

df = adm.merge(first6h, on="admission_id", how="inner")
features = VITALS + LABS + ["age", "charlson_index"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=99)
tr, te = next(gss.split(df, groups=df["patient_id"]))
train, test = df.iloc[tr], df.iloc[te]

model = xgb.XGBClassifier(n_estimators=350, max_depth=4, learning_rate=0.05,
                          subsample=0.8, colsample_bytree=0.8, random_state=99)
model.fit(train[features], train["sepsis_3"])
auc = roc_auc_score(test["sepsis_3"], model.predict_proba(test[features])[:, 1])
print(f"sepsis AUROC: {auc:.3f}")
