# label: leakage/target
"""Chemical/product tanker calls at the terminal: will the owner file a demurrage claim?

One row per discharge call, pulled from the agency system. The commercial team
wants a probability when notice of readiness (NOR) is tendered, so they can
prioritise berth slots and pre-agree pumping plans.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import average_precision_score, confusion_matrix, roc_auc_score

CARGO_GROUPS = ["cpp", "dpp", "veg_oil", "easy_chem", "hard_chem", "biofuel"]
CHARTER_FORMS = ["asbatankvoy", "bpvoy4", "shellvoy6", "vegoilvoy", "other"]

calls = pd.read_parquet("data/agency_port_calls_2019_2024.parquet")
berths = pd.read_csv("data/berth_master.csv")
calls = calls.merge(berths[["berth_id", "max_loa_m", "manifold_count", "shore_tank_km"]],
                    on="berth_id", how="left")

calls["nor_tendered"] = pd.to_datetime(calls["nor_tendered"])
calls = calls.sort_values("nor_tendered").reset_index(drop=True)
calls["demurrage_claimed"] = calls["claim_status"].isin(["submitted", "settled", "disputed"]).astype(int)

calls["eta_slip_h"] = (calls["nor_tendered"] - pd.to_datetime(calls["eta_72h_notice"])).dt.total_seconds() / 3600
calls["nor_hour"] = calls["nor_tendered"].dt.hour
calls["nor_weekend"] = (calls["nor_tendered"].dt.dayofweek >= 5).astype(int)
calls["month"] = calls["nor_tendered"].dt.month
calls["qty_per_laytime_h"] = calls["nominated_qty_t"] / calls["laytime_allowed_h"]
calls["multi_grade"] = (calls["grades_count"] > 1).astype(int)
calls["cargo_group"] = pd.Categorical(calls["cargo_group"], categories=CARGO_GROUPS).codes
calls["charter_form"] = pd.Categorical(calls["charter_form"], categories=CHARTER_FORMS).codes
calls["laytime_utilisation"] = calls["sof_time_counted_h"] / calls["laytime_allowed_h"]

features = [
    "dwt", "vessel_age", "loa_m", "max_loa_m", "manifold_count", "shore_tank_km",
    "nominated_qty_t", "laytime_allowed_h", "qty_per_laytime_h", "warranted_pump_rate_tph",
    "grades_count", "multi_grade", "cargo_group", "charter_form", "eta_slip_h",
    "vessels_at_anchor_at_nor", "berth_occupancy_prev_7d", "tide_restricted", "nor_hour",
    "nor_weekend", "month", "laytime_utilisation",
]
X = calls[features]
y = calls["demurrage_claimed"]
print(f"{X.shape[1]} features, claim rate {y.mean():.3f}")

test_mask = calls["nor_tendered"] >= "2024-01-01"
X_train, y_train = X[~test_mask], y[~test_mask]
X_test, y_test = X[test_mask], y[test_mask]

dtrain = xgb.DMatrix(X_train, label=y_train)
dtest = xgb.DMatrix(X_test, label=y_test)
params = {
    "objective": "binary:logistic",
    "eval_metric": "auc",
    "eta": 0.05,
    "max_depth": 4,
    "min_child_weight": 5,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "lambda": 2.0,
    "scale_pos_weight": float((1 - y_train.mean()) / y_train.mean()),
    "seed": 11,
}
booster = xgb.train(params, dtrain, num_boost_round=450)

p = booster.predict(dtest)
print(f"2024 calls: AUC {roc_auc_score(y_test, p):.3f}  AP {average_precision_score(y_test, p):.3f}")
print(confusion_matrix(y_test, (p >= 0.5).astype(int)))

gain = pd.Series(booster.get_score(importance_type="gain")).sort_values(ascending=False)
print((gain / gain.sum()).head(10).round(3))
