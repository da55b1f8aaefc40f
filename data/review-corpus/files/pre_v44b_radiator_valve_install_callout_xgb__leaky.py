# label: leakage/preprocessing
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

JOBS_PATH = "data/trv_install_jobs.csv"
EXTRACT_DATE = pd.Timestamp("2024-11-30")
HIGH_CARD = ["installer_id", "boiler_model", "postcode_district"]
LOW_CARD = ["property_type", "valve_brand", "pipe_material", "system_type"]
NUMERIC = [
    "num_radiators", "num_valves_fitted", "system_age_years", "floors",
    "quoted_minutes", "actual_minutes", "installer_tenure_months",
    "inhibitor_added", "powerflush_done", "bleed_points_fitted",
]


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["install_date"])
    # callout = customer reported a sticking, weeping or noisy valve within 30 days
    jobs = jobs[jobs["install_date"] <= EXTRACT_DATE - pd.Timedelta(days=30)]
    jobs = jobs.dropna(subset=["callout_30d"])
    jobs["callout_30d"] = jobs["callout_30d"].astype(int)
    jobs["install_month"] = jobs["install_date"].dt.month
    return jobs.reset_index(drop=True)


def mean_encode(fit_rows, apply_rows, col, target, smoothing=20.0):
    prior = fit_rows[target].mean()
    agg = fit_rows.groupby(col)[target].agg(["sum", "count"])
    enc = (agg["sum"] + smoothing * prior) / (agg["count"] + smoothing)
    return apply_rows[col].map(enc).fillna(prior).astype(float)


jobs = load_jobs(JOBS_PATH)
print(f"{len(jobs)} jobs, callout rate {jobs['callout_30d'].mean():.3f}")

for col in HIGH_CARD:
    jobs[f"{col}_te"] = mean_encode(jobs, jobs, col, "callout_30d")

for col in LOW_CARD:
    jobs[col] = jobs[col].astype("category")

features = NUMERIC + LOW_CARD + ["install_month"] + [f"{c}_te" for c in HIGH_CARD]
train, test = train_test_split(
    jobs, test_size=0.2, stratify=jobs["callout_30d"], random_state=5
)

model = xgb.XGBClassifier(
    n_estimators=700,
    max_depth=5,
    learning_rate=0.03,
    subsample=0.85,
    colsample_bytree=0.8,
    min_child_weight=5,
    tree_method="hist",
    enable_categorical=True,
    eval_metric="aucpr",
    random_state=5,
)
model.fit(train[features], train["callout_30d"])

proba = model.predict_proba(test[features])[:, 1]
print(f"ROC AUC: {roc_auc_score(test['callout_30d'], proba):.3f}")
print(f"PR AUC:  {average_precision_score(test['callout_30d'], proba):.3f}")

test = test.assign(p_callout=proba)
worst = (test.groupby("installer_id", observed=True)
         .agg(jobs=("p_callout", "size"), mean_risk=("p_callout", "mean"))
         .query("jobs >= 10")
         .sort_values("mean_risk", ascending=False))
print(worst.head(10).round(3).to_string())
