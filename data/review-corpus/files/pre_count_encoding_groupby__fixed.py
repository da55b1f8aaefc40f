# label: leakage/none
# twin: pre_count_encoding_groupby__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split

clicks = pd.read_csv("ad_clicks.csv")
tr, te = train_test_split(clicks, test_size=0.25, random_state=11)
tr, te = tr.copy(), te.copy()
# count encoding learnt on the training rows only
for key in ["app", "channel"]:
    counts = tr[key].value_counts()
    tr[key + "_count"] = tr[key].map(counts)
    te[key + "_count"] = te[key].map(counts).fillna(0)

cols = ["hour", "app_count", "channel_count"]
model = HistGradientBoostingClassifier().fit(tr[cols], tr["clicked"])
print("accuracy:", model.score(te[cols], te["clicked"]))
