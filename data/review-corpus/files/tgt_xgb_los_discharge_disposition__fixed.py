# label: leakage/none
# twin: tgt_xgb_los_discharge_disposition__leaky.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import pandas as pd
import xgboost as xgb
from sklearn.compose import make_column_transformer
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder


class AdmissionFeatures:
    """Only what is known on the day of admission."""

    categorical = ["admission_type", "admission_source", "primary_dx_group"]
    numeric = ["age", "n_prior_admissions", "n_meds_at_admission", "charlson_index"]

    def select(self, df):
        return df[self.categorical + self.numeric]

    def encoder(self):
        return make_column_transformer((OneHotEncoder(handle_unknown="ignore"), self.categorical), remainder="passthrough")


adm = pd.read_csv("admissions.csv")
adm["long_stay"] = (adm["length_of_stay_days"] > 7).astype(int)
feats = AdmissionFeatures()
X = feats.select(adm)
y = adm["long_stay"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=23)
clf = make_pipeline(feats.encoder(), xgb.XGBClassifier(n_estimators=400, max_depth=5, learning_rate=0.05, random_state=23))
clf.fit(X_train, y_train)
print("AUC", roc_auc_score(y_test, clf.predict_proba(X_test)[:, 1]))
