# label: leakage/none
"""Home-delivery print subscribers: who cancels in the 90 days after the
mid-year snapshot? Output feeds the retention call list."""
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SNAPSHOT = pd.Timestamp("2023-06-30")
WINDOW = pd.Timedelta(days=90)

subs = pd.read_csv("circulation/subscribers.csv", parse_dates=["start_date", "cancel_date"])
deliveries = pd.read_parquet("circulation/delivery_log_2021_2023.parquet")  # sub_id, delivery_date, missed, complaint

# active at the snapshot
subs = subs[(subs["start_date"] <= SNAPSHOT) & ~(subs["cancel_date"] <= SNAPSHOT)].copy()
subs["cancelled_90d"] = (
    subs["cancel_date"].notna() & (subs["cancel_date"] <= SNAPSHOT + WINDOW)
).astype(int)

history = deliveries[deliveries["delivery_date"] <= SNAPSHOT]
per_sub = history.groupby("sub_id").agg(
    n_deliveries=("delivery_date", "size"),
    missed=("missed", "sum"),
    complaints=("complaint", "sum"),
)
subs = subs.merge(per_sub, left_on="sub_id", right_index=True, how="left")
subs["tenure_days"] = (SNAPSHOT - subs["start_date"]).dt.days
subs["missed_rate"] = subs["missed"] / subs["n_deliveries"]
subs["complaints_per_100"] = 100 * subs["complaints"] / subs["n_deliveries"]
subs = subs.fillna({"tenure_days": 0, "missed_rate": 0, "complaints_per_100": 0, "n_deliveries": 0})

NUMERIC = ["tenure_days", "n_deliveries", "missed_rate", "complaints_per_100",
           "weekly_price_gbp", "age", "days_per_week"]
CATEGORICAL = ["payment_method", "edition", "acquisition_channel", "digital_bundle"]

train, test = train_test_split(subs, test_size=0.25, stratify=subs["cancelled_90d"], random_state=8)

pipe = make_pipeline(
    ColumnTransformer([
        ("num", StandardScaler(), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CATEGORICAL),
    ]),
    LogisticRegression(C=0.5, max_iter=2000, class_weight="balanced"),
)
pipe.fit(train[NUMERIC + CATEGORICAL], train["cancelled_90d"])
p = pipe.predict_proba(test[NUMERIC + CATEGORICAL])[:, 1]

auc = roc_auc_score(test["cancelled_90d"], p)
top = test.assign(p=p).nlargest(len(test) // 10, "p")
lift = top["cancelled_90d"].mean() / test["cancelled_90d"].mean()
print(f"subscribers at snapshot: {len(subs)}  90-day cancel rate {subs['cancelled_90d'].mean():.3f}")
print(f"test AUC {auc:.3f}   top-decile lift {lift:.2f}")

names = pipe[0].get_feature_names_out()
coefs = pd.Series(pipe[-1].coef_.ravel(), index=names).sort_values()
print(coefs.round(3).to_string())
