# label: leakage/target
# twin: tgt_icu_mortality__fixed.py
# source: hand-written for ai-ci held-out v11 (Apache-2.0)
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupShuffleSplit
from sklearn.metrics import roc_auc_score, brier_score_loss

stays = pd.read_csv("data/icu_first24h.csv")
vitals = ["hr_mean", "sbp_min", "resp_rate_max", "temp_max", "spo2_min", "gcs_min"]
labs = ["lactate_max", "creatinine_max", "bilirubin_max", "platelets_min", "wbc_max"]
static = ["age", "bmi", "charlson_index", "los_icu_days"]
cats = ["admission_type", "first_careunit", "gender"]
numeric = vitals + labs + static

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=3)
tr, te = next(gss.split(stays, groups=stays["subject_id"]))
train, test = stays.iloc[tr], stays.iloc[te]

prep = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
    ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), cats),
])
model = Pipeline([("prep", prep), ("lr", LogisticRegression(C=0.3, max_iter=3000))])
model.fit(train[numeric + cats], train["hospital_expire_flag"])

risk = model.predict_proba(test[numeric + cats])[:, 1]
print("AUROC:", round(roc_auc_score(test["hospital_expire_flag"], risk), 3))
print("Brier:", round(brier_score_loss(test["hospital_expire_flag"], risk), 4))
