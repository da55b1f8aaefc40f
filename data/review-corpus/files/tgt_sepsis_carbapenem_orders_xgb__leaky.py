# label: leakage/target
# twin: tgt_sepsis_carbapenem_orders_xgb__fixed.py
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
meds = pd.read_parquet("ehr/medication_orders.parquet")

broad_abx = (
    meds[meds["drug_class"].isin(["carbapenem", "piperacillin-tazobactam", "cefepime"])]
    .groupby("admission_id")
    .size()
    .rename("n_broad_abx_orders")
)

df = (
    adm.merge(first6h, on="admission_id", how="inner")
    .merge(broad_abx, on="admission_id", how="left")
    .fillna({"n_broad_abx_orders": 0})
)
features = VITALS + LABS + ["age", "charlson_index", "n_broad_abx_orders"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=99)
tr, te = next(gss.split(df, groups=df["patient_id"]))
train, test = df.iloc[tr], df.iloc[te]

model = xgb.XGBClassifier(n_estimators=350, max_depth=4, learning_rate=0.05,
                          subsample=0.8, colsample_bytree=0.8, random_state=99)
model.fit(train[features], train["sepsis_3"])
auc = roc_auc_score(test["sepsis_3"], model.predict_proba(test[features])[:, 1])
print(f"sepsis AUROC: {auc:.3f}")
