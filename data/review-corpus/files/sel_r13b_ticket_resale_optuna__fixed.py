# label: leakage/none
# twin: sel_r13b_ticket_resale_optuna__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
"""Concert ticket resale prices: log price of a secondary-market listing.

Listings of the same event share a lot of signal, so whole events are held out.
"""
import numpy as np
import optuna
import pandas as pd
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import GroupKFold, GroupShuffleSplit, cross_val_score

FEATURES = [
    "face_value", "days_to_show", "section_rank", "row_number", "seats_in_listing",
    "artist_popularity", "venue_capacity", "is_weekend", "tour_leg_index",
]

listings = pd.read_csv("data/resale_listings.csv").drop_duplicates(subset="listing_id")
X = listings[FEATURES]
y = np.log1p(listings["resale_price"])
events = listings["event_id"]

splitter = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=3)
train_idx, test_idx = next(splitter.split(X, y, groups=events))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y.iloc[train_idx], y.iloc[test_idx]
events_train = events.iloc[train_idx]


def objective(trial):
    params = {
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        "max_leaf_nodes": trial.suggest_int("max_leaf_nodes", 15, 127),
        "min_samples_leaf": trial.suggest_int("min_samples_leaf", 5, 200, log=True),
        "l2_regularization": trial.suggest_float("l2_regularization", 1e-4, 10.0, log=True),
        "max_iter": trial.suggest_int("max_iter", 100, 800, step=100),
    }
    model = HistGradientBoostingRegressor(**params, random_state=3)
    scores = cross_val_score(
        model, X_train, y_train, groups=events_train, cv=GroupKFold(n_splits=5),
        scoring="neg_root_mean_squared_error",
    )
    return -scores.mean()


study = optuna.create_study(direction="minimize", sampler=optuna.samplers.TPESampler(seed=3))
study.optimize(objective, n_trials=60)

final = HistGradientBoostingRegressor(**study.best_params, random_state=3).fit(X_train, y_train)
test_rmse = mean_squared_error(y_test, final.predict(X_test)) ** 0.5
print("best params:", study.best_params)
print(f"held-out RMSE (log price): {test_rmse:.4f}")
print(f"approx. median multiplicative error: x{np.exp(test_rmse):.2f}")
