# label: leakage/none
# twin: sel_xgb_building_energy_backward_drop__leaky.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

buildings = pd.read_csv("data/building_energy_2022.csv")
target = "site_eui"
candidate_features = [
    "floor_area_sqft", "year_built", "n_floors", "primary_use_code", "hdd_annual", "cdd_annual",
    "occupancy_hours", "roof_r_value", "window_wall_ratio", "hvac_type_code", "has_chiller", "lat", "lon",
]

X_train, X_test, y_train, y_test = train_test_split(
    buildings[candidate_features], buildings[target], test_size=0.25, random_state=1)
X_fit, X_val, y_fit, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=2)


def rmse_with(features, X_a=X_fit, y_a=y_fit, X_b=X_val, y_b=y_val):
    model = XGBRegressor(n_estimators=400, max_depth=6, learning_rate=0.05, subsample=0.8, random_state=1)
    model.fit(X_a[features], y_a)
    return np.sqrt(mean_squared_error(y_b, model.predict(X_b[features])))


selected = list(candidate_features)
current = rmse_with(selected)
history = [(len(selected), current)]
while len(selected) > 5:
    trial = {f: rmse_with([g for g in selected if g != f]) for f in selected}
    worst_feature = min(trial, key=trial.get)
    if trial[worst_feature] > current:
        break
    selected.remove(worst_feature)
    current = trial[worst_feature]
    history.append((len(selected), current))
    print(f"dropped {worst_feature:<28s} -> RMSE {current:.2f}")

print(pd.DataFrame(history, columns=["n_features", "rmse"]).to_string(index=False))
test_rmse = rmse_with(selected, X_train, y_train, X_test, y_test)
print(f"kept {len(selected)} features, test RMSE {test_rmse:.2f}")
