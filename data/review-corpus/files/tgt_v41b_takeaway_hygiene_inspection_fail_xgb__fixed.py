# label: leakage/none
"""Risk-rank takeaway premises for the food hygiene inspection programme.

Positive class: the inspection ends in a rating of 0-2 ("improvement necessary" or worse).
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score

SPLIT_DATE = pd.Timestamp("2023-07-01")


def complaints_last_year(inspections, complaints):
    pairs = inspections[["inspection_id", "premises_id", "inspection_date"]].merge(
        complaints[["premises_id", "complaint_date"]], on="premises_id", how="left"
    )
    window = (pairs["complaint_date"] < pairs["inspection_date"]) & (
        pairs["complaint_date"] >= pairs["inspection_date"] - pd.Timedelta(days=365)
    )
    counts = pairs[window].groupby("inspection_id").size()
    return inspections["inspection_id"].map(counts).fillna(0).astype(int)


def build_table():
    insp = pd.read_csv("council/inspections.csv", parse_dates=["inspection_date"])
    prem = pd.read_csv("council/premises.csv", parse_dates=["registered_on"])
    compl = pd.read_csv("council/complaints.csv", parse_dates=["complaint_date"])

    insp = insp[insp["inspection_type"] == "programmed"].sort_values(["premises_id", "inspection_date"])
    insp = insp.merge(prem, on="premises_id", how="left")
    insp["fail"] = (insp["rating"] <= 2).astype(int)

    g = insp.groupby("premises_id")
    insp["prev_rating"] = g["rating"].shift(1)
    insp["prev_notices"] = g["improvement_notices"].shift(1)
    insp["days_since_prev"] = (insp["inspection_date"] - g["inspection_date"].shift(1)).dt.days
    insp["owner_changed"] = (insp["fbo_name"] != g["fbo_name"].shift(1)).astype(int)
    insp["years_trading"] = (insp["inspection_date"] - insp["registered_on"]).dt.days / 365.25
    insp["complaints_12m"] = complaints_last_year(insp, compl)
    insp["first_inspection"] = insp["prev_rating"].isna().astype(int)
    return insp


FEATURES = [
    "prev_rating",
    "prev_notices",
    "days_since_prev",
    "owner_changed",
    "years_trading",
    "complaints_12m",
    "first_inspection",
    "seats",
    "delivery_platforms",
    "cuisine",
    "ward",
]


def to_matrix(frame):
    X = frame[FEATURES].copy()
    for col in ("cuisine", "ward"):
        X[col] = X[col].astype("category")
    return xgb.DMatrix(X, label=frame["fail"], enable_categorical=True)


def main():
    table = build_table()
    train = table[table["inspection_date"] < SPLIT_DATE]
    test = table[table["inspection_date"] >= SPLIT_DATE]
    print(f"train {len(train)} inspections ({train.fail.mean():.1%} fail), test {len(test)} ({test.fail.mean():.1%})")

    params = {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "max_depth": 4,
        "eta": 0.05,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "min_child_weight": 5,
        "tree_method": "hist",
        "seed": 9,
    }
    booster = xgb.train(params, to_matrix(train), num_boost_round=350)

    p = booster.predict(to_matrix(test))
    print(f"ROC AUC: {roc_auc_score(test['fail'], p):.3f}")
    print(f"PR AUC:  {average_precision_score(test['fail'], p):.3f}")

    # officers can bring forward roughly 15% of visits
    k = int(0.15 * len(test))
    top = test.assign(p=p).nlargest(k, "p")
    print(f"fails caught in top 15%: {top.fail.sum()} of {test.fail.sum()} ({top.fail.sum() / test.fail.sum():.1%})")

    gain = booster.get_score(importance_type="gain")
    print(pd.Series(gain).sort_values(ascending=False).round(2))


if __name__ == "__main__":
    main()
