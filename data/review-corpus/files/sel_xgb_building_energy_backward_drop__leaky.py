# label: leakage/selection
# twin: sel_xgb_building_energy_backward_drop__fixed.py
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


def rmse_with(features):
    model = XGBRegressor(n_estimators=400, max_depth=6, learning_rate=0.05, subsample=0.8, random_state=1)
    model.fit(X_train[features], y_train)
    return np.sqrt(mean_squared_error(y_test, model.predict(X_test[features])))


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
print(f"kept {len(selected)} features, test RMSE {current:.2f}")
