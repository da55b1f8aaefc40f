# label: leakage/target
"""Flag kitchen installation jobs likely to run past their quoted days on site,
scored when the job is booked so the scheduler can leave slack in the diary."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score

WORKTOP = pd.CategoricalDtype(["laminate", "solid_wood", "quartz", "granite", "compact"])
PROPERTY = pd.CategoricalDtype(["pre1919", "interwar", "postwar", "1980s_2000s", "newbuild"])
LAYOUT = pd.CategoricalDtype(["galley", "l_shape", "u_shape", "island", "open_plan"])
SPLIT_DATE = pd.Timestamp("2024-04-01")

PARAMS = {
    "objective": "binary:logistic",
    "eval_metric": "aucpr",
    "eta": 0.04,
    "max_depth": 4,
    "min_child_weight": 5,
    "subsample": 0.85,
    "colsample_bytree": 0.8,
    "lambda": 2.0,
    "tree_method": "hist",
    "seed": 31,
}


def load_jobs():
    jobs = pd.read_csv("ops/kitchen_jobs.csv", parse_dates=["booked_on", "start_date", "completed_on"])
    jobs = jobs[jobs["status"] == "complete"].copy()
    site_days = np.busday_count(
        jobs["start_date"].values.astype("datetime64[D]"),
        jobs["completed_on"].values.astype("datetime64[D]"),
    ) + 1
    jobs["overran"] = (site_days > jobs["quoted_days"]).astype(int)
    return jobs


def add_features(jobs):
    hours = pd.read_csv("ops/fitter_timesheets.csv")
    per_job = hours.groupby("job_id").agg(logged_hours=("hours", "sum"), fitters=("fitter_id", "nunique"))
    jobs = jobs.merge(per_job, left_on="job_id", right_index=True, how="left")

    jobs["worktop"] = jobs["worktop"].astype(WORKTOP)
    jobs["property_era"] = jobs["property_era"].astype(PROPERTY)
    jobs["layout"] = jobs["layout"].astype(LAYOUT)
    jobs["lead_days"] = (jobs["start_date"] - jobs["booked_on"]).dt.days
    jobs["units_per_day"] = jobs["cabinet_units"] / jobs["quoted_days"]
    jobs["start_month"] = jobs["start_date"].dt.month
    return jobs


FEATURES = [
    "quoted_days", "cabinet_units", "units_per_day", "appliances_to_fit", "moves_sink",
    "moves_gas", "new_circuit", "tiling_m2", "worktop", "property_era", "layout",
    "lead_days", "start_month", "surveyor_flagged_damp", "logged_hours",
]


def main():
    jobs = add_features(load_jobs())
    train = jobs[jobs["completed_on"] < SPLIT_DATE]
    test = jobs[jobs["booked_on"] >= SPLIT_DATE]
    print(f"train {len(train)} jobs ({train['overran'].mean():.1%} overran), test {len(test)}")

    dtrain = xgb.DMatrix(train[FEATURES], label=train["overran"], enable_categorical=True)
    dtest = xgb.DMatrix(test[FEATURES], label=test["overran"], enable_categorical=True)

    booster = xgb.train(PARAMS, dtrain, num_boost_round=450)
    proba = booster.predict(dtest)

    print(f"ROC AUC: {roc_auc_score(test['overran'], proba):.3f}")
    print(f"PR AUC:  {average_precision_score(test['overran'], proba):.3f}")

    flag = (proba >= 0.5).astype(int)
    tn, fp, fn, tp = confusion_matrix(test["overran"], flag).ravel()
    print(f"flagged {tp + fp} jobs, caught {tp} of {tp + fn} overruns")

    gain = pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False)
    print(gain.head(10).round(1))
    booster.save_model("kitchen_overrun.json")


if __name__ == "__main__":
    main()
