# label: leakage/target
"""White uPVC window profile runs: probability of a discolouration (yellowing)
warranty claim within five years, from extrusion line records and the QA lab sheet.

Runs extruded 2012-2018 (full five-year window observed). The model is used to
decide which runs go to the accelerated weathering test before release.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

QA_COLS = [
    "melt_temp_c", "die_temp_c", "screw_speed_rpm", "line_speed_m_min", "cooling_water_c",
    "tio2_phr", "uv_stabiliser_phr", "regrind_pct", "heat_reversion_pct", "impact_fail_count",
    "colour_b_value", "profile_code", "line_id",
]
BATCH_COLS = ["dispatch_region_uv_index", "replacement_frames_sent"]


def load_runs():
    qa = pd.read_csv("data/profile_run_qa.csv", parse_dates=["extruded_on"])
    dispatch = pd.read_csv("data/profile_run_dispatch.csv")
    aftersales = pd.read_csv("data/profile_run_aftersales.csv")

    df = qa.merge(dispatch, on="run_id", how="inner").merge(aftersales, on="run_id", how="left")
    df = df[df["extruded_on"].dt.year.between(2012, 2018)]
    df["replacement_frames_sent"] = df["replacement_frames_sent"].fillna(0)
    df["yellowing_claim"] = df["discolour_claims_5y"].fillna(0).gt(0).astype(int)
    df["profile_code"] = df["profile_code"].map({"casement": 0, "sash": 1, "door": 2, "bay": 3})
    return df


def main():
    df = load_runs()
    features = QA_COLS + BATCH_COLS
    print(f"{len(df)} runs, claim rate {df['yellowing_claim'].mean():.2%}")

    train, test = train_test_split(df, test_size=0.25, stratify=df["yellowing_claim"], random_state=2)
    dtrain = xgb.DMatrix(train[features], label=train["yellowing_claim"], feature_names=features)
    dtest = xgb.DMatrix(test[features], label=test["yellowing_claim"], feature_names=features)

    neg, pos = np.bincount(train["yellowing_claim"])
    params = {
        "objective": "binary:logistic",
        "eval_metric": ["logloss", "aucpr"],
        "eta": 0.05,
        "max_depth": 4,
        "min_child_weight": 5,
        "subsample": 0.8,
        "colsample_bytree": 0.8,
        "scale_pos_weight": neg / pos,
        "seed": 2,
    }
    booster = xgb.train(params, dtrain, num_boost_round=500,
                        evals=[(dtrain, "train")], verbose_eval=100)

    p = booster.predict(dtest)
    y = test["yellowing_claim"].to_numpy()
    print(f"ROC-AUC: {roc_auc_score(y, p):.3f}")
    print(f"PR-AUC : {average_precision_score(y, p):.3f}")

    # runs that would be sent for accelerated weathering (top 15%)
    cut = np.quantile(p, 0.85)
    flagged = p >= cut
    print(f"claims caught in top 15%: {y[flagged].sum()}/{y.sum()} ({y[flagged].sum() / y.sum():.1%})")

    gain = pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False)
    print(gain.head(10).round(1).to_string())


if __name__ == "__main__":
    main()
