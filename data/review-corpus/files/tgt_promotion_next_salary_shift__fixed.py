# label: leakage/none
# twin: tgt_promotion_next_salary_shift__leaky.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score

hr = pd.read_csv("data/hr_employee_years.csv").sort_values(["employee_id", "year"])

panel = (
    hr.assign(
        tenure_years=lambda d: d["year"] - d["hire_year"],
        rating_mean_3y=lambda d: d.groupby("employee_id")["perf_rating"]
        .transform(lambda s: s.rolling(3, min_periods=1).mean()),
        salary_change_pct=lambda d: d["base_salary"] / d.groupby("employee_id")["base_salary"].shift(1) - 1,
        trainings_per_year=lambda d: d["trainings_completed"] / d["tenure_years"].clip(lower=1),
    )
    .dropna(subset=["salary_change_pct"])
)

FEATURES = ["tenure_years", "perf_rating", "rating_mean_3y", "salary_change_pct",
            "trainings_per_year", "team_size", "overtime_hours", "job_level"]
LABEL = "promoted_next_cycle"

train = panel[panel["year"] <= 2021]
test = panel[panel["year"] == 2022]

gbc = GradientBoostingClassifier(n_estimators=300, max_depth=3, learning_rate=0.05, random_state=6)
gbc.fit(train[FEATURES], train[LABEL])
print(f"2022 AUC: {roc_auc_score(test[LABEL], gbc.predict_proba(test[FEATURES])[:, 1]):.4f}")
print(pd.Series(gbc.feature_importances_, index=FEATURES).sort_values(ascending=False))
