# label: leakage/none
# twin: sel_lgbm_callback_es_test__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import lightgbm as lgb
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

rides = pd.read_csv("ride_durations.csv")
X, y = rides.drop(columns=["duration_min"]), rides["duration_min"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=36)
reg = lgb.LGBMRegressor(n_estimators=5000, learning_rate=0.03, verbose=-1)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.2, random_state=36)
reg.fit(X_fit, y_fit, eval_set=[(X_val, y_val)], callbacks=[lgb.early_stopping(100)])
print(f"test MAE {mean_absolute_error(y_test, reg.predict(X_test)):.2f} after {reg.best_iteration_} trees")
