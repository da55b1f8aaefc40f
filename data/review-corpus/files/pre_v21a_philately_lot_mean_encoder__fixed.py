# label: leakage/none
"""Stamp auction lots: log hammer price from catalogue data, condition and sale context."""
import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import make_pipeline

LOTS = "data/stamp_lots.parquet"
HIGH_CARD = ["issuing_country", "catalogue_series", "auction_house"]
NUMERIC = ["catalogue_value_usd", "year_issued", "centering_score", "gum_state",
           "perf_faults", "has_certificate", "is_block", "is_cover", "estimate_low_usd"]


class SmoothedMeanEncoder(BaseEstimator, TransformerMixin):
    """Replace each category by a shrunken mean of the response."""

    def __init__(self, columns, strength=20.0):
        self.columns = columns
        self.strength = strength

    def fit(self, X, y):
        y = pd.Series(np.asarray(y, dtype=float), index=X.index)
        self.prior_ = y.mean()
        self.maps_ = {}
        for col in self.columns:
            stats = y.groupby(X[col]).agg(["sum", "count"])
            shrunk = (stats["sum"] + self.strength * self.prior_) / (stats["count"] + self.strength)
            self.maps_[col] = shrunk
        return self

    def transform(self, X):
        out = X.copy()
        for col in self.columns:
            out[col] = out[col].map(self.maps_[col]).astype(float).fillna(self.prior_)
        return out


def load_lots(path):
    lots = pd.read_parquet(path)
    lots = lots[(lots["sold"] == 1) & (lots["hammer_usd"] > 0)]
    for flag in ["has_certificate", "is_block", "is_cover"]:
        lots[flag] = lots[flag].astype(int)
    lots["log_hammer"] = np.log(lots["hammer_usd"])
    lots["catalogue_value_usd"] = np.log1p(lots["catalogue_value_usd"])
    lots["estimate_low_usd"] = np.log1p(lots["estimate_low_usd"])
    return lots.reset_index(drop=True)


lots = load_lots(LOTS)
print(f"{len(lots)} sold lots; {lots['issuing_country'].nunique()} countries, "
      f"{lots['catalogue_series'].nunique()} series")

X = lots[HIGH_CARD + NUMERIC]
y = lots["log_hammer"]

forest = RandomForestRegressor(n_estimators=400, min_samples_leaf=5,
                               max_features=0.5, n_jobs=-1, random_state=13)

model = make_pipeline(SmoothedMeanEncoder(HIGH_CARD, strength=20.0), forest)

cv = KFold(n_splits=5, shuffle=True, random_state=13)
rmse = -cross_val_score(model, X, y, cv=cv, scoring="neg_root_mean_squared_error")
r2 = cross_val_score(model, X, y, cv=cv, scoring="r2")

print("CV RMSE (log $): %.3f +/- %.3f" % (rmse.mean(), rmse.std()))
print("CV R^2         : %.3f +/- %.3f" % (r2.mean(), r2.std()))
print("typical price ratio error: x%.2f" % np.exp(rmse.mean()))
