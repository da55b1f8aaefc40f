# label: leakage/none
# Electrical training provider: estimate each apprentice's chance of passing the AM2
# practical assessment when it is booked, so tutors can offer a mock day or a later slot.
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.metrics import roc_auc_score, log_loss, accuracy_score


class PassModel:
    cat_cols = ["assessment_centre", "tutor_id", "employer_sector", "start_period", "weekday"]
    num_cols = [
        "age", "apprenticeship_months", "portfolio_units_signed", "prior_attempts",
        "level3_exam_avg", "inspection_testing_score", "days_since_level3",
        "mock_am2_score", "mock_safe_isolation_ok", "days_booked_ahead",
        "centre_pass_rate_last_year",
    ]

    def __init__(self, **params):
        self.params = dict(iterations=1200, learning_rate=0.04, depth=6,
                           l2_leaf_reg=5, random_seed=9, verbose=200)
        self.params.update(params)
        self.model = CatBoostClassifier(**self.params)
        self.features = self.cat_cols + self.num_cols

    def prepare(self, df):
        X = df[self.features].copy()
        for c in self.cat_cols:
            X[c] = X[c].astype(str)
        return X

    def fit(self, df, target="passed"):
        self.model.fit(self.prepare(df), df[target], cat_features=self.cat_cols)
        return self

    def predict_proba(self, df):
        return self.model.predict_proba(self.prepare(df))[:, 1]


tests = pd.read_csv("am2_assessments.csv", parse_dates=["test_date", "booked_on"])
tests = tests[tests["outcome"].isin(["pass", "fail"])].copy()
tests["passed"] = (tests["outcome"] == "pass").astype(int)
tests["weekday"] = tests["test_date"].dt.day_name()
tests["start_period"] = pd.cut(tests["start_hour"], [0, 9, 12, 24],
                               labels=["early", "morning", "afternoon"])
tests["days_booked_ahead"] = (tests["test_date"] - tests["booked_on"]).dt.days

split = pd.Timestamp("2024-03-01")
train = tests[tests["test_date"] < split]
test = tests[tests["test_date"] >= split]
print(f"train {len(train)}  test {len(test)}  pass rate {train['passed'].mean():.1%}")

pm = PassModel().fit(train)
p = pm.predict_proba(test)
print(f"AUC      {roc_auc_score(test['passed'], p):.3f}")
print(f"log loss {log_loss(test['passed'], p):.3f}")
print(f"accuracy {accuracy_score(test['passed'], p >= 0.5):.3f}")

imp = pd.Series(pm.model.get_feature_importance(), index=pm.features)
print(imp.sort_values(ascending=False).head(10).round(2))

by_centre = test.assign(p=p).groupby("assessment_centre")[["passed", "p"]].mean()
print(by_centre.sort_values("passed").round(3).head(15))
