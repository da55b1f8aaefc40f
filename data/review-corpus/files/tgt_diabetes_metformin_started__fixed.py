# label: leakage/none
# twin: tgt_diabetes_metformin_started__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

# one row per patient: baseline visit measurements, label = diagnosed within 5 years
cohort = pd.read_parquet("ehr_baseline_cohort.parquet")
cohort = cohort[cohort["age_at_baseline"].between(30, 80)]

predictors = {
    "age_at_baseline": "age",
    "bmi": "bmi",
    "fasting_glucose": "glucose",
    "systolic_bp": "sbp",
    "hdl": "hdl",
    "family_history": "fam_hx",
}
X = cohort[list(predictors)].rename(columns=predictors)
y = cohort["t2d_within_5y"]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=10)
train_idx, test_idx = next(splitter.split(X, y, groups=cohort["practice_id"]))

dtrain = xgb.DMatrix(X.iloc[train_idx], label=y.iloc[train_idx])
dtest = xgb.DMatrix(X.iloc[test_idx], label=y.iloc[test_idx])
params = {"objective": "binary:logistic", "eta": 0.05, "max_depth": 4, "subsample": 0.9, "seed": 10}
booster = xgb.train(params, dtrain, num_boost_round=400)
print("AUC", roc_auc_score(y.iloc[test_idx], booster.predict(dtest)))
