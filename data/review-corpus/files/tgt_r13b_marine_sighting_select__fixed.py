# label: leakage/none
# twin: tgt_r13b_marine_sighting_select__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Marine species sightings: expected bottlenose dolphin count per survey.

Each row is one boat survey of a fixed coastal transect. Surveys of the same
transect are correlated, so whole transects are held out.
"""
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance
from sklearn.model_selection import GroupShuffleSplit

surveys = pd.read_csv("data/dolphin_transect_surveys.csv", parse_dates=["survey_date"])
surveys = surveys.drop_duplicates(subset="survey_id")
surveys["month"] = surveys["survey_date"].dt.month
surveys["sea_class"] = np.select(
    [surveys["beaufort"] <= 2, surveys["beaufort"] <= 4], [0, 1], default=2
)
# only survey conditions known before the count are used as features

FEATURES = [
    "effort_km", "sea_class", "sst_c", "depth_m", "chl_mg_m3", "dist_coast_km",
    "month", "n_observers", "swell_m",
]
X, y = surveys[FEATURES], surveys["n_dolphins"]

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=6)
tr_idx, te_idx = next(gss.split(X, y, groups=surveys["transect_id"]))
X_train, X_test, y_train, y_test = X.iloc[tr_idx], X.iloc[te_idx], y.iloc[tr_idx], y.iloc[te_idx]

model = HistGradientBoostingRegressor(loss="poisson", learning_rate=0.05, max_iter=400,
                                      min_samples_leaf=30, random_state=6)
model.fit(X_train, y_train)
pred = np.clip(model.predict(X_test), 1e-6, None)

null = np.full(len(y_test), y_train.mean())
print(f"held-out transects: {surveys['transect_id'].iloc[te_idx].nunique()}")
print(f"Poisson deviance: model {mean_poisson_deviance(y_test, pred):.3f}  "
      f"null {mean_poisson_deviance(y_test, null):.3f}")
print(f"MAE: {mean_absolute_error(y_test, pred):.2f} dolphins")
