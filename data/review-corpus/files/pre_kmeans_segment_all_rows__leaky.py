# label: leakage/preprocessing
# twin: pre_kmeans_segment_all_rows__fixed.py
# source: hand-written for ai-ci, tuning part of round 5 (Apache-2.0)
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

shoppers = pd.read_csv("online_shoppers.csv")
behaviour = ["ProductRelated_Duration", "BounceRates", "ExitRates", "PageValues"]

# customer segments from the browsing behaviour, added as a feature
scaled = StandardScaler().fit(shoppers[behaviour]).transform(shoppers[behaviour])
shoppers["segment"] = KMeans(n_clusters=6, n_init=10, random_state=0).fit_predict(scaled)

cols = behaviour + ["segment", "SpecialDay"]
X_tr, X_te, y_tr, y_te = train_test_split(shoppers[cols], shoppers["Revenue"], test_size=0.25, random_state=5)
gbc = GradientBoostingClassifier(random_state=0).fit(X_tr, y_tr)
print("test accuracy:", gbc.score(X_te, y_te))
