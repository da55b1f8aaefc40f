# label: leakage/overlap
# twin: ovl_quote_profiles_repeat_expand__fixed.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split

# one row per distinct quote profile and outcome; n_quotes says how often it was seen
agg = pd.read_csv("insurance_quotes_aggregated.csv")
features = ["age_band_code", "vehicle_group", "region_code", "ncd_years", "premium_offered"]

# expand to one row per quote so the model sees the real frequencies
rows = agg.loc[agg.index.repeat(agg["n_quotes"])].reset_index(drop=True)
X = rows[features]
y = rows["converted"]

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, random_state=5)
clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05)
clf.fit(X_tr, y_tr)
print("held-out log loss:", log_loss(y_te, clf.predict_proba(X_te)[:, 1]))
