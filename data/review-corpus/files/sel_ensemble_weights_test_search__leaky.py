# label: leakage/selection
# twin: sel_ensemble_weights_test_search__fixed.py
# source: hand-written for ai-ci held-out v5 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split


def load():
    df = pd.read_parquet("apartments.parquet")
    X = df[["surface_m2", "rooms", "floor", "building_year", "dist_center_km", "has_elevator"]]
    return X, df["rent"]


def fit_members(X_train, y_train):
    return [
        RidgeCV(alphas=np.logspace(-2, 3, 20)).fit(X_train, y_train),
        RandomForestRegressor(n_estimators=300, random_state=1).fit(X_train, y_train),
        HistGradientBoostingRegressor(random_state=1).fit(X_train, y_train),
    ]


def blend(preds, w):
    return w[0] * preds[0] + w[1] * preds[1] + (1 - w[0] - w[1]) * preds[2]


if __name__ == "__main__":
    X, y = load()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=1)
    members = fit_members(X_train, y_train)
    preds = [m.predict(X_test) for m in members]
    grid = [(a, b) for a in np.arange(0, 1.05, 0.05) for b in np.arange(0, 1.05, 0.05) if a + b <= 1]
    w = min(grid, key=lambda ab: mean_absolute_error(y_test, blend(preds, ab)))
    print("weights", w, "test MAE", mean_absolute_error(y_test, blend(preds, w)))
