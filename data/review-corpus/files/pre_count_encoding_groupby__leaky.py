# label: leakage/preprocessing
# twin: pre_count_encoding_groupby__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import train_test_split

clicks = pd.read_csv("ad_clicks.csv")
# count encoding: how often each app and channel occurs
for key in ["app", "channel"]:
    clicks[key + "_count"] = clicks.groupby(key)[key].transform("count")

cols = ["hour", "app_count", "channel_count"]
tr, te = train_test_split(clicks, test_size=0.25, random_state=11)
model = HistGradientBoostingClassifier().fit(tr[cols], tr["clicked"])
print("accuracy:", model.score(te[cols], te["clicked"]))
