# label: leakage/none
# twin: tgt_r17b_mortgage_prepay_servicing_merge__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
"""Prepayment model for the 2019 origination vintage.

Origination tape + servicing performance extract, joined on loan id.
Target: loan paid off in full within 24 months of first payment.
"""
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import train_test_split
from sklearn.metrics import roc_auc_score, average_precision_score
import lightgbm as lgb

CFG = {
    "orig_path": "data/orig_2019.csv",
    "perf_path": "data/servicing_perf_2019.parquet",
    "seed": 2024,
    "test_size": 0.25,
    "lgb_params": {
        "objective": "binary",
        "learning_rate": 0.05,
        "num_leaves": 31,
        "min_child_samples": 80,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "verbose": -1,
    },
    "rounds": 600,
}


def load_origination(path):
    orig = pd.read_csv(path, parse_dates=["first_pay_date"])
    orig["orig_year_month"] = orig["first_pay_date"].dt.to_period("M").astype(str)
    orig["ltv_bucket"] = pd.cut(orig["orig_ltv"], [0, 60, 80, 90, 95, 200], labels=False)
    orig["rate_spread"] = orig["orig_rate"] - orig["pmms_30y_rate"]
    orig["log_upb"] = np.log1p(orig["orig_upb"])
    return orig


def load_performance(path):
    perf = pd.read_parquet(path)
    perf = perf.rename(columns={"LOAN_ID": "loan_id", "ZB_CODE_24M": "zero_balance_code"})
    perf["prepaid_24m"] = (perf["zero_balance_code"] == "01").astype(int)
    return perf


orig = load_origination(CFG["orig_path"])
perf = load_performance(CFG["perf_path"])

keep = ["loan_id", "prepaid_24m"]
data = orig.merge(perf[keep], on="loan_id", how="inner")
print(data.shape, data["prepaid_24m"].mean().round(4))

categorical = ["property_state", "occupancy", "loan_purpose", "channel", "property_type"]
numeric = [
    "orig_rate", "rate_spread", "log_upb", "orig_ltv", "ltv_bucket", "dti",
    "credit_score", "num_borrowers", "orig_term",
]
for col in categorical:
    data[col] = data[col].astype("category")

X = data[numeric + categorical]
y = data["prepaid_24m"]

X_tr, X_te, y_tr, y_te = train_test_split(
    X, y, test_size=CFG["test_size"], stratify=y, random_state=CFG["seed"]
)

train_set = lgb.Dataset(X_tr, y_tr, categorical_feature=categorical)
booster = lgb.train(CFG["lgb_params"], train_set, num_boost_round=CFG["rounds"])

pred = booster.predict(X_te)
print(f"test AUC  : {roc_auc_score(y_te, pred):.4f}")
print(f"test AP   : {average_precision_score(y_te, pred):.4f}")

imp = pd.Series(booster.feature_importance("gain"), index=booster.feature_name())
imp = imp.sort_values(ascending=False)
print(imp.head(10))

fig, ax = plt.subplots(figsize=(7, 4))
imp.head(12)[::-1].plot.barh(ax=ax)
ax.set_title("LightGBM gain importance - prepayment 24m")
fig.tight_layout()
fig.savefig("prepay_importance.png", dpi=120)

deciles = pd.qcut(pred, 10, labels=False, duplicates="drop")
lift = pd.DataFrame({"decile": deciles, "y": y_te.values}).groupby("decile")["y"].mean()
print(lift)
