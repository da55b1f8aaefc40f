# label: leakage/none
import numpy as np
import pandas as pd
import lightgbm as lgb
import matplotlib.pyplot as plt
from sklearn.metrics import roc_auc_score, average_precision_score, precision_recall_curve

PATHS = {
    "jobs": "crm/moving_jobs.parquet",
    "invoices": "billing/invoices.parquet",
    "claims": "claims/damage_claims.csv",
}
CUTOFF = pd.Timestamp("2024-02-01")

BASE_FEATURES = [
    "volume_m3", "distance_km", "crew_size", "truck_m3", "fill_ratio",
    "origin_floor", "dest_floor", "lift_origin", "lift_dest", "stair_flights",
    "fragile_items", "piano_or_safe", "packing_service", "crew_lead_tenure_m",
    "days_booked_ahead", "weekend_move", "month",
]


def load_jobs():
    jobs = pd.read_parquet(PATHS["jobs"])
    jobs["move_date"] = pd.to_datetime(jobs["move_date"])
    jobs["booked_at"] = pd.to_datetime(jobs["booked_at"])
    jobs = jobs[jobs["status"] == "completed"].copy()
    jobs["fill_ratio"] = jobs["volume_m3"] / jobs["truck_m3"]
    jobs["stair_flights"] = (
        jobs["origin_floor"].where(jobs["lift_origin"] == 0, 0)
        + jobs["dest_floor"].where(jobs["lift_dest"] == 0, 0)
    )
    jobs["days_booked_ahead"] = (jobs["move_date"] - jobs["booked_at"]).dt.days
    jobs["weekend_move"] = (jobs["move_date"].dt.dayofweek >= 5).astype(int)
    jobs["month"] = jobs["move_date"].dt.month
    return jobs


def attach_billing(jobs):
    inv = pd.read_parquet(PATHS["invoices"])
    inv = inv.groupby("job_id", as_index=False).agg(quoted_eur=("quoted_eur", "first"))
    out = jobs.merge(inv, on="job_id", how="left")
    out["quote_per_m3"] = out["quoted_eur"] / out["volume_m3"]
    return out


def attach_label(jobs):
    claims = pd.read_csv(PATHS["claims"])
    claimed = set(claims.loc[claims["claim_type"] == "damage", "job_id"])
    jobs["damage_claim"] = jobs["job_id"].isin(claimed).astype(int)
    return jobs


FEATURES = BASE_FEATURES + ["quote_per_m3"]

df = attach_label(attach_billing(load_jobs()))
print(df.shape, "claim rate", round(df["damage_claim"].mean(), 4))

train = df[df["move_date"] < CUTOFF]
test = df[df["move_date"] >= CUTOFF]

params = dict(
    n_estimators=800, learning_rate=0.02, num_leaves=24, min_child_samples=50,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=2.0,
    scale_pos_weight=(train["damage_claim"] == 0).sum() / max(train["damage_claim"].sum(), 1),
    random_state=13, verbose=-1,
)
model = lgb.LGBMClassifier(**params)
model.fit(train[FEATURES], train["damage_claim"])

score = model.predict_proba(test[FEATURES])[:, 1]
print(f"test ROC AUC {roc_auc_score(test['damage_claim'], score):.4f}")
print(f"test PR AUC  {average_precision_score(test['damage_claim'], score):.4f}")

prec, rec, _ = precision_recall_curve(test["damage_claim"], score)
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].plot(rec, prec)
axes[0].set_xlabel("recall")
axes[0].set_ylabel("precision")
lgb.plot_importance(model, ax=axes[1], max_num_features=12, importance_type="gain")
plt.tight_layout()
plt.savefig("mover_claims_eval.png", dpi=110)
