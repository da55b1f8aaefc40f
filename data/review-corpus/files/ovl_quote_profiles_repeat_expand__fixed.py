# label: leakage/none
# twin: ovl_quote_profiles_repeat_expand__leaky.py
# source: hand-written for ai-ci held-out v4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import log_loss
from sklearn.model_selection import train_test_split

# one row per distinct quote profile and outcome; n_quotes says how often it was seen
agg = pd.read_csv("insurance_quotes_aggregated.csv")
features = ["age_band_code", "vehicle_group", "region_code", "ncd_years", "premium_offered"]

# split the distinct profiles first, then expand each part to one row per quote
train_agg, test_agg = train_test_split(agg, test_size=0.2, random_state=5)


def expand(part):
    rows = part.loc[part.index.repeat(part["n_quotes"])].reset_index(drop=True)
    return rows[features], rows["converted"]


X_tr, y_tr = expand(train_agg)
X_te, y_te = expand(test_agg)
clf = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05)
clf.fit(X_tr, y_tr)
print("held-out log loss:", log_loss(y_te, clf.predict_proba(X_te)[:, 1]))
