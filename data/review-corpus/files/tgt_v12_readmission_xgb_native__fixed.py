# label: leakage/none
# twin: tgt_v12_readmission_xgb_native__leaky.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

enc = pd.read_parquet("data/inpatient_encounters.parquet")
enc["readmit_30d"] = enc["readmit_30d"].astype(int)

FEATURES = [
    "age", "los_days", "num_procedures", "num_medications", "num_diagnoses",
    "prior_admissions_12m", "hba1c_result", "discharge_to_home", "emergency_admit",
]

gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=13)
tr, te = next(gss.split(enc, groups=enc["patient_nbr"]))
train, test = enc.iloc[tr], enc.iloc[te]

dtrain = xgb.DMatrix(train[FEATURES], label=train["readmit_30d"])
dtest = xgb.DMatrix(test[FEATURES], label=test["readmit_30d"])
params = {
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "max_depth": 5,
    "eta": 0.05,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
}
booster = xgb.train(params, dtrain, num_boost_round=400)
print("test AUC:", roc_auc_score(test["readmit_30d"], booster.predict(dtest)))
