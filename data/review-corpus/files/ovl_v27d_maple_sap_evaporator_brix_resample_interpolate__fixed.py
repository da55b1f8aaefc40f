# label: leakage/none
"""Predict syrup Brix at the draw-off valve of a maple sap evaporator from pan sensor readings."""
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score

SENSORS = [
    "flue_temp_c", "front_pan_level_cm", "back_pan_level_cm", "sap_inflow_lpm",
    "sap_sugar_pct", "boil_temp_c", "stack_damper_pct", "draw_brix",
]
FEATURES = [
    "flue_temp_c", "front_pan_level_cm", "back_pan_level_cm", "sap_inflow_lpm",
    "sap_sugar_pct", "boil_temp_c", "stack_damper_pct", "level_diff_cm", "sugar_load",
]

readings = pd.read_csv("evaporator_readings.csv", parse_dates=["logged_at"])
readings = readings.sort_values("logged_at").drop_duplicates("logged_at")
readings = readings[(readings["flue_temp_c"] > 200) & readings["draw_brix"].between(55, 72)]
print(len(readings), "logged readings from", readings["logged_at"].min(), "to", readings["logged_at"].max())


def to_grid(frame):
    """Readings arrive roughly every 10 minutes; put them on a regular 1-minute grid."""
    grid = (
        frame.set_index("logged_at")[SENSORS]
        .resample("1min").mean()
        .interpolate(method="time", limit=15, limit_area="inside")
    )
    return grid.dropna()


def add_features(frame):
    frame = frame.copy()
    frame["level_diff_cm"] = frame["back_pan_level_cm"] - frame["front_pan_level_cm"]
    frame["sugar_load"] = frame["sap_inflow_lpm"] * frame["sap_sugar_pct"]
    return frame


# the last quarter of the season is held out; only training readings are gridded
split_time = readings["logged_at"].iloc[int(len(readings) * 0.75)]
train = add_features(to_grid(readings[readings["logged_at"] < split_time]))
test = add_features(readings[readings["logged_at"] >= split_time].set_index("logged_at")[SENSORS].dropna())
X_train, y_train = train[FEATURES], train["draw_brix"]
X_test, y_test = test[FEATURES], test["draw_brix"]
print(len(X_train), "train rows,", len(X_test), "test rows")

model = RandomForestRegressor(n_estimators=400, min_samples_leaf=5, n_jobs=-1, random_state=5)
model.fit(X_train, y_train)
pred = model.predict(X_test)

print("MAE (Brix):", round(mean_absolute_error(y_test, pred), 3))
print("R2:", round(r2_score(y_test, pred), 3))
# syrup grades need 66-67.5 Brix at draw-off
in_spec = y_test.between(66.0, 67.5)
pred_in_spec = pd.Series(pred, index=y_test.index).between(66.0, 67.5)
print("in-spec agreement:", round((in_spec == pred_in_spec).mean(), 3))
imp = pd.Series(model.feature_importances_, index=FEATURES).sort_values(ascending=False)
print(imp.round(3))
