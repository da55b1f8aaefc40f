# label: leakage/preprocessing
"""Which typewriter restoration jobs will run over the quoted bench hours.

Intake records from the workshop's job book. Makes/models and technicians
are encoded by their historical overrun rate (smoothed towards the shop
average), then an XGBoost classifier scores each job at intake.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

TARGET = "overran_quote"
RATE_COLS = ["make_model", "technician", "mechanism_type"]
NUMERIC = ["quoted_hours", "machine_year", "keys_stuck_at_intake", "platen_hardness_shore",
           "rust_grade", "missing_parts_count", "ribbon_vibrator_ok", "customer_prior_jobs"]


class RepairFeatures:
    def __init__(self, smoothing=20.0):
        self.smoothing = smoothing
        self.rates_ = {}
        self.counts_ = {}
        self.prior_ = None

    def fit(self, jobs):
        self.prior_ = jobs[TARGET].mean()
        for col in RATE_COLS:
            stats = jobs.groupby(col)[TARGET].agg(["sum", "count"])
            self.rates_[col] = (stats["sum"] + self.smoothing * self.prior_) / (stats["count"] + self.smoothing)
            self.counts_[col] = stats["count"]
        return self

    def transform(self, jobs):
        out = jobs[NUMERIC].copy()
        for col in RATE_COLS:
            out[f"{col}_rate"] = jobs[col].map(self.rates_[col]).fillna(self.prior_)
            out[f"{col}_n"] = jobs[col].map(self.counts_[col]).fillna(0)
        out["machine_age"] = jobs["intake_date"].dt.year - jobs["machine_year"]
        out["portable"] = (jobs["body_style"] == "portable").astype(int)
        return out


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["intake_date"])
    jobs = jobs[jobs["status"] == "closed"].copy()
    jobs[TARGET] = (jobs["bench_hours_logged"] > 1.25 * jobs["quoted_hours"]).astype(int)
    jobs["make_model"] = jobs["make"].str.strip().str.title() + " " + jobs["model"].str.strip()
    jobs = jobs.sort_values("intake_date").reset_index(drop=True)
    return jobs.drop(columns=["bench_hours_logged", "invoice_total", "closed_date"])


jobs = load_jobs("jobbook/restoration_jobs_2016_2024.csv")
print(f"{len(jobs)} closed jobs, overrun share {jobs[TARGET].mean():.1%}")

features = RepairFeatures(smoothing=20.0).fit(jobs)
X = features.transform(jobs)
y = jobs[TARGET]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, shuffle=False)

clf = xgb.XGBClassifier(
    n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.85,
    colsample_bytree=0.8, min_child_weight=3, eval_metric="logloss", random_state=42,
)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]

print(f"ROC AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"PR AUC: {average_precision_score(y_test, proba):.3f}")
top = np.argsort(-proba)[: max(1, len(proba) // 10)]
print(f"overrun rate in top decile: {y_test.iloc[top].mean():.1%}")
print(pd.Series(clf.feature_importances_, index=X.columns).sort_values(ascending=False).head(8).round(3))
