# label: leakage/none
# twin: pre_groupby_transform_user_function__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (wild false positives) (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score

ks = pd.read_csv("ks-projects.csv", parse_dates=["launched"])


def hours_since(series):
    # The time since the previous project of the same category (its previous row): a value per row.
    return series.diff().dt.total_seconds() / 3600.0


df = ks[["category", "launched"]].sort_values("launched")
timedeltas = df.groupby("category").transform(hours_since)
data = ks[["goal", "outcome"]].join(timedeltas.rename(columns={"launched": "hours_since_last"}))

n = len(data) // 10
train, valid, test = data[: -2 * n], data[-2 * n : -n], data[-n:]
cols = train.columns.drop("outcome")
bst = lgb.train({"objective": "binary", "seed": 7}, lgb.Dataset(train[cols], label=train["outcome"]), num_boost_round=200)
print(roc_auc_score(test["outcome"], bst.predict(test[cols])))
