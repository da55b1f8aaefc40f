# label: leakage/selection
# twin: sel_lgbm_callbacks__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

listings = pd.read_csv("listings.csv", parse_dates=["last_review"])
X = listings[["accommodates", "bedrooms", "bathrooms", "review_scores_rating", "minimum_nights", "latitude", "longitude"]]
y = listings["nightly_rate"]
X_train, X_holdout, y_train, y_holdout = train_test_split(X, y, test_size=0.2, random_state=3)

reg = lgb.LGBMRegressor(n_estimators=10_000, learning_rate=0.03, num_leaves=63, random_state=3)
reg.fit(
    X_train,
    y_train,
    eval_set=[(X_holdout, y_holdout)],
    eval_metric="l1",
    callbacks=[lgb.early_stopping(stopping_rounds=200), lgb.log_evaluation(500)],
)
print("best iteration:", reg.best_iteration_)
print("holdout MAE:", mean_absolute_error(y_holdout, reg.predict(X_holdout)))
