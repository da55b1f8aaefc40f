# label: leakage/none
# twin: tgt_r17b_pawnshop_redemption_yield_helper__leaky.py
# source: hand-written for ai-ci, round 17 tuning probes (Apache-2.0)
import pandas as pd
import numpy as np
import xgboost as xgb
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.metrics import roc_auc_score, brier_score_loss
from sklearn.calibration import calibration_curve
import matplotlib.pyplot as plt

TICKETS = "pawn/tickets_2021_2023.csv"
ITEMS = "pawn/item_appraisals.csv"

XGB_PARAMS = dict(
    n_estimators=400,
    max_depth=5,
    learning_rate=0.05,
    subsample=0.85,
    colsample_bytree=0.8,
    min_child_weight=5,
    eval_metric="logloss",
    n_jobs=8,
)


def loan_economics(t):
    """Ticket-level money features used by the branch pricing team."""
    out = pd.DataFrame(index=t.index)
    out["loan_to_appraisal"] = t["principal"] / t["appraised_value"].replace(0, np.nan)
    out["monthly_rate"] = t["rate_pct"] / 100.0
    out["term_cost"] = t["principal"] * out["monthly_rate"] * t["term_months"]
    out["log_principal"] = np.log1p(t["principal"])
    return out


def customer_features(t):
    out = pd.DataFrame(index=t.index)
    out["age"] = t["customer_age"]
    out["repeat_customer"] = (t["prior_tickets"] > 0).astype(int)
    out["prior_tickets"] = t["prior_tickets"]
    out["id_verified"] = t["id_type"].isin(["passport", "drivers_license"]).astype(int)
    return out


def item_features(t, items):
    merged = t[["item_id"]].merge(items, on="item_id", how="left")
    merged.index = t.index
    out = pd.get_dummies(merged["category"], prefix="cat", dtype=float)
    out["item_age_years"] = merged["item_age_years"]
    out["has_serial"] = merged["serial_number"].notna().astype(int)
    out["gold_karat"] = merged["karat"].fillna(0)
    return out


tickets = pd.read_csv(TICKETS, parse_dates=["opened_at"])
items = pd.read_csv(ITEMS)
tickets = tickets[tickets["status"].isin(["redeemed", "forfeited"])].reset_index(drop=True)
y = (tickets["status"] == "redeemed").astype(int).values

X = pd.concat(
    [loan_economics(tickets), customer_features(tickets), item_features(tickets, items)],
    axis=1,
)
X["opened_month"] = tickets["opened_at"].dt.month
X["branch_code"] = tickets["branch_id"].astype("category").cat.codes
print(X.shape, "redeem rate", y.mean().round(3))

model = xgb.XGBClassifier(**XGB_PARAMS)
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=13)
oof = cross_val_predict(model, X, y, cv=cv, method="predict_proba")[:, 1]

print("OOF AUC   :", round(roc_auc_score(y, oof), 4))
print("OOF Brier :", round(brier_score_loss(y, oof), 4))

frac_pos, mean_pred = calibration_curve(y, oof, n_bins=10)
plt.plot(mean_pred, frac_pos, marker="o", label="xgb")
plt.plot([0, 1], [0, 1], "--", color="grey")
plt.xlabel("predicted redemption probability")
plt.ylabel("observed redemption rate")
plt.legend()
plt.savefig("pawn_calibration.png", dpi=110)

model.fit(X, y)
gain = pd.Series(model.get_booster().get_score(importance_type="gain"))
print(gain.sort_values(ascending=False).head(10))
