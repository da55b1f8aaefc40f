# label: leakage/none
# twin: pre_kmeans_segment_all_rows__leaky.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

shoppers = pd.read_csv("online_shoppers.csv")
behaviour = ["ProductRelated_Duration", "BounceRates", "ExitRates", "PageValues"]
train, test = train_test_split(shoppers, test_size=0.25, random_state=5)
train, test = train.copy(), test.copy()

# customer segments learnt from the training shoppers' browsing behaviour, then assigned to both parts
scaler = StandardScaler().fit(train[behaviour])
km = KMeans(n_clusters=6, n_init=10, random_state=0).fit(scaler.transform(train[behaviour]))
train["segment"] = km.predict(scaler.transform(train[behaviour]))
test["segment"] = km.predict(scaler.transform(test[behaviour]))

cols = behaviour + ["segment", "SpecialDay"]
gbc = GradientBoostingClassifier(random_state=0).fit(train[cols], train["Revenue"])
print("test accuracy:", gbc.score(test[cols], test["Revenue"]))
