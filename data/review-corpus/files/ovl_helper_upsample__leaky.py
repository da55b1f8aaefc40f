# label: leakage/overlap
# twin: ovl_helper_upsample__fixed.py
# source: hand-written for ai-ci, tuning part (Apache-2.0)
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import recall_score
from sklearn.model_selection import train_test_split


def upsample_minority(frame, label="churn"):
    counts = frame[label].value_counts()
    rare = frame[frame[label] == counts.idxmin()]
    extra = rare.sample(counts.max() - counts.min(), replace=True, random_state=0)
    return pd.concat([frame, extra], ignore_index=True)


subs = pd.read_parquet("subscribers.parquet")
subs = upsample_minority(subs)
train, test = train_test_split(subs, test_size=0.2, random_state=0)
cols = ["tenure", "monthly_fee", "support_calls", "data_gb"]
lr = LogisticRegression(max_iter=1000).fit(train[cols], train["churn"])
print("recall", recall_score(test["churn"], lr.predict(test[cols])))
