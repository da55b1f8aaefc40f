# label: leakage/overlap
from datetime import date, timedelta

import numpy as np
import polars as pl
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score, average_precision_score

HORIZON_DAYS = 90
TEST_START = date(2024, 1, 1)
PLANS = ["PP_BASIC", "PP_DATA5", "PP_DATA15", "PP_UNLTD", "PP_YOUTH", "PP_SENIOR", "PP_TOURIST"]
PLAN_IDX = {code: i for i, code in enumerate(PLANS)}

snap = pl.read_parquet("warehouse/prepaid_monthly_snapshots.parquet")
# subscriber_id, snapshot_date, tenure_days, topup_30d, topup_cnt_30d, data_mb_30d,
# voice_min_30d, sms_30d, days_since_topup, balance, device_age_m, port_in_flag, plan_code
deact = pl.read_parquet("warehouse/deactivations.parquet")  # subscriber_id, deact_date

deact = deact.group_by("subscriber_id").agg(pl.col("deact_date").min())

df = (
    snap.join(deact, on="subscriber_id", how="left")
    .with_columns(
        (
            pl.col("deact_date").is_not_null()
            & (pl.col("deact_date") > pl.col("snapshot_date"))
            & (pl.col("deact_date") <= pl.col("snapshot_date") + pl.duration(days=HORIZON_DAYS))
        ).cast(pl.Int8).alias("churn_90d"),
        (pl.col("topup_30d") / (pl.col("topup_cnt_30d") + 1)).alias("avg_topup"),
        (pl.col("data_mb_30d").log1p()).alias("log_data"),
        (pl.col("voice_min_30d") / (pl.col("voice_min_30d") + pl.col("sms_30d") + 1)).alias("voice_share"),
        pl.col("plan_code").replace_strict(PLAN_IDX, default=-1).alias("plan_idx"),
    )
    .filter(pl.col("deact_date").is_null() | (pl.col("deact_date") > pl.col("snapshot_date")))
    .filter(pl.col("snapshot_date") <= date(2024, 6, 30) - timedelta(days=HORIZON_DAYS))
)

FEATURES = ["tenure_days", "topup_30d", "topup_cnt_30d", "avg_topup", "log_data",
            "voice_min_30d", "sms_30d", "voice_share", "days_since_topup", "balance",
            "device_age_m", "port_in_flag", "plan_idx"]

train = df.filter(pl.col("snapshot_date") < TEST_START)
test = df.filter(pl.col("snapshot_date") >= TEST_START)
print(train.height, test.height, train["churn_90d"].mean(), test["churn_90d"].mean())

X_tr = train.select(FEATURES).to_numpy()
y_tr = train["churn_90d"].to_numpy()
X_te = test.select(FEATURES).to_numpy()
y_te = test["churn_90d"].to_numpy()

clf = HistGradientBoostingClassifier(
    learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0,
    categorical_features=[FEATURES.index("plan_idx")], random_state=0,
)
clf.fit(X_tr, y_tr)
p = clf.predict_proba(X_te)[:, 1]

print(f"AUC {roc_auc_score(y_te, p):.3f}  AP {average_precision_score(y_te, p):.3f}")
top = np.argsort(-p)[: int(0.05 * len(p))]
print(f"churn rate in top 5% risk: {y_te[top].mean():.3f} (base {y_te.mean():.3f})")
