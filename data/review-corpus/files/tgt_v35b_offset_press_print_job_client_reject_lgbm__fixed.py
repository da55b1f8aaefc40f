# label: leakage/none
"""Score finished litho jobs at dispatch for the chance the client rejects the delivered run.

Job ledger from the MIS export: one row per completed job, 2020-2024.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

CATEGORICAL = ["press", "stock_family", "finish", "coating", "job_type", "prepress_operator"]
NUMERIC = [
    "gsm", "sheet_area_cm2", "run_length", "colours_front", "colours_back", "spot_colours",
    "ink_coverage_pct", "max_tac_pct", "makeready_minutes", "plates_remade",
    "pressroom_rh_pct", "operator_tenure_months", "days_to_deadline", "is_repeat_artwork",
]


class JobRiskModel:
    def __init__(self, params=None, rounds=2000):
        self.params = {
            "objective": "binary",
            "learning_rate": 0.03,
            "num_leaves": 31,
            "min_data_in_leaf": 40,
            "feature_fraction": 0.8,
            "bagging_fraction": 0.8,
            "bagging_freq": 1,
            "lambda_l2": 2.0,
            "metric": "auc",
            "verbose": -1,
            "seed": 17,
        }
        self.params.update(params or {})
        self.rounds = rounds
        self.booster = None

    @staticmethod
    def prepare(df):
        X = df[CATEGORICAL + NUMERIC].copy()
        for col in CATEGORICAL:
            X[col] = X[col].astype("category")
        return X

    def fit(self, df, y):
        X = self.prepare(df)
        X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.15, stratify=y, random_state=17)
        dtrain = lgb.Dataset(X_tr, y_tr, categorical_feature=CATEGORICAL)
        dvalid = lgb.Dataset(X_va, y_va, reference=dtrain)
        self.booster = lgb.train(
            self.params, dtrain, num_boost_round=self.rounds, valid_sets=[dvalid],
            callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
        )
        return self

    def predict(self, df):
        X = self.prepare(df)
        return self.booster.predict(X, num_iteration=self.booster.best_iteration)


jobs = pd.read_csv("data/mis_job_ledger.csv", parse_dates=["booked_at", "dispatched_at"])
jobs = jobs[jobs["status"].isin(["delivered", "rejected"])].copy()
jobs["rejected"] = (jobs["status"] == "rejected").astype(int)
jobs["sheet_area_cm2"] = jobs["sheet_w_mm"] * jobs["sheet_h_mm"] / 100.0
jobs["days_to_deadline"] = (jobs["deadline"].pipe(pd.to_datetime) - jobs["booked_at"]).dt.days
print(f"{len(jobs)} jobs, rejection rate {jobs['rejected'].mean():.2%}")

train, test = train_test_split(jobs, test_size=0.2, stratify=jobs["rejected"], random_state=17)
model = JobRiskModel().fit(train, train["rejected"])
risk = model.predict(test)

print(f"test ROC AUC {roc_auc_score(test['rejected'], risk):.3f}")
print(f"test AP      {average_precision_score(test['rejected'], risk):.3f}")

gain = pd.Series(
    model.booster.feature_importance("gain"), index=model.booster.feature_name()
).sort_values(ascending=False)
print(gain.head(12).round(0))

by_press = test.assign(risk=risk).groupby("press").agg(
    jobs=("rejected", "size"), actual=("rejected", "mean"), predicted=("risk", "mean")
)
print(by_press.round(3))
print("jobs flagged at 0.3:", int(np.sum(risk >= 0.3)), "of", len(test))
