# label: leakage/preprocessing
# twin: pre_v12_icu_preprocessor_logit__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split


class LabPreprocessor:
    def __init__(self, cols, clip_q=0.01):
        self.cols = cols
        self.clip_q = clip_q

    def fit(self, frame):
        self.medians_ = frame[self.cols].median()
        self.lo_ = frame[self.cols].quantile(self.clip_q)
        self.hi_ = frame[self.cols].quantile(1 - self.clip_q)
        return self

    def transform(self, frame):
        out = frame[self.cols].fillna(self.medians_).clip(self.lo_, self.hi_, axis=1)
        return sm.add_constant(out, has_constant="add")


icu = pd.read_csv("data/icu_first24h.csv")
labs = ["age", "lactate", "creatinine", "wbc", "platelets", "map_min", "gcs_min", "spo2_min"]

prep = LabPreprocessor(labs).fit(icu)
train, test = train_test_split(icu, test_size=0.25, stratify=icu["hospital_death"], random_state=2)

logit = sm.Logit(train["hospital_death"], prep.transform(train)).fit(disp=0)
print(logit.summary2().tables[1][["Coef.", "P>|z|"]])

p_test = logit.predict(prep.transform(test))
print("test AUC:", roc_auc_score(test["hospital_death"], p_test))
