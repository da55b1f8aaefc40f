# label: leakage/none
# twin: ovl_sunspots_shuffled_kfold__leaky.py
# source: hand-written for ai-ci held-out v3 on the sunspots data set shipped with statsmodels (Apache-2.0)
import pandas as pd
import statsmodels.api as sm
from sklearn.linear_model import Ridge
from sklearn.model_selection import TimeSeriesSplit, cross_val_score

sunspots = sm.datasets.sunspots.load_pandas().data
series = sunspots.set_index("YEAR")["SUNACTIVITY"]

# autoregressive features: the activity of the 11 previous years
frame = pd.concat({f"lag_{k}": series.shift(k) for k in range(1, 12)}, axis=1)
frame["target"] = series
frame = frame.dropna()

cv = TimeSeriesSplit(n_splits=5)
scores = cross_val_score(
    Ridge(alpha=10.0),
    frame.drop(columns="target"),
    frame["target"],
    cv=cv,
    scoring="neg_mean_absolute_error",
)
print(f"yearly sunspot forecast MAE: {-scores.mean():.2f} +/- {scores.std():.2f}")
