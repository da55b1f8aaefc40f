# label: leakage/none
"""Predict which yacht haul-out jobs will overrun their booked hardstanding days.

Bookings come from the yard management system; the job sheet export has one row
per haul-out with the work items requested at booking.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit

WORK_ITEMS = [
    "antifoul", "anodes", "polish", "osmosis_survey", "rudder_bearing",
    "prop_shaft", "seacocks", "keel_bolts", "gelcoat_repair", "rig_check",
]


def load_jobs(path):
    jobs = pd.read_csv(path, parse_dates=["booked_on", "lift_out_date", "relaunch_date"])
    jobs = jobs.dropna(subset=["relaunch_date"])
    jobs["actual_days"] = (jobs["relaunch_date"] - jobs["lift_out_date"]).dt.days
    jobs["overran"] = (jobs["actual_days"] > jobs["booked_days"]).astype(int)
    return jobs


def build_features(jobs):
    X = pd.DataFrame(index=jobs.index)
    X["loa_m"] = jobs["loa_m"]
    X["displacement_t"] = jobs["displacement_t"]
    X["boat_age"] = jobs["lift_out_date"].dt.year - jobs["year_built"]
    X["hull_grp"] = (jobs["hull_material"] == "grp").astype(int)
    X["hull_steel"] = (jobs["hull_material"] == "steel").astype(int)
    X["twin_keel"] = (jobs["keel_type"] == "bilge").astype(int)
    X["booked_days"] = jobs["booked_days"]
    X["lead_time_days"] = (jobs["lift_out_date"] - jobs["booked_on"]).dt.days
    X["lift_month"] = jobs["lift_out_date"].dt.month
    X["owner_diy"] = jobs["owner_doing_work"].astype(int)
    X["n_items"] = jobs[WORK_ITEMS].sum(axis=1)
    for item in WORK_ITEMS:
        X[f"item_{item}"] = jobs[item].astype(int)
    X["yard_occupancy_pct"] = jobs["yard_occupancy_at_booking_pct"]
    return X


def main():
    jobs = load_jobs("data/haulout_jobs_2016_2024.csv")
    X = build_features(jobs)
    y = jobs["overran"].to_numpy()
    print(f"{len(jobs)} haul-outs, {y.mean():.1%} overran")

    gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=17)
    tr, te = next(gss.split(X, y, groups=jobs["hull_id"]))

    dtrain = xgb.DMatrix(X.iloc[tr], label=y[tr])
    dtest = xgb.DMatrix(X.iloc[te], label=y[te])
    params = {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "eta": 0.05,
        "max_depth": 4,
        "min_child_weight": 3,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "scale_pos_weight": float((y[tr] == 0).sum() / max((y[tr] == 1).sum(), 1)),
        "seed": 17,
    }
    booster = xgb.train(params, dtrain, num_boost_round=350)

    p = booster.predict(dtest)
    print(f"test ROC AUC {roc_auc_score(y[te], p):.3f}")
    print(f"test PR AUC  {average_precision_score(y[te], p):.3f}")
    top = np.argsort(-p)[: max(1, len(p) // 10)]
    print(f"overrun rate in top decile: {y[te][top].mean():.1%} (base {y[te].mean():.1%})")

    gain = booster.get_score(importance_type="gain")
    print(pd.Series(gain).sort_values(ascending=False).head(10).round(1).to_string())


if __name__ == "__main__":
    main()
