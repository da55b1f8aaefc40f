# label: leakage/none
# twin: ovl_r13c_powerplant_lags_kfold__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.model_selection import TimeSeriesSplit, cross_val_score, train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error

plant = pd.read_csv("power_plant_hourly.csv", parse_dates=["timestamp"])
plant = plant.sort_values("timestamp").set_index("timestamp")

# autoregressive features from earlier hours
for lag in [1, 2, 3, 24]:
    plant[f"output_lag{lag}"] = plant["net_output_mw"].shift(lag)
plant["output_roll6"] = plant["net_output_mw"].shift(1).rolling(6).mean()
plant["temp_lag1"] = plant["ambient_temp_c"].shift(1)
plant["hour"] = plant.index.hour
plant = plant.dropna()

X = plant.drop(columns=["net_output_mw"])
y = plant["net_output_mw"]

model = RandomForestRegressor(n_estimators=300, min_samples_leaf=3, n_jobs=-1, random_state=0)
cv = TimeSeriesSplit(n_splits=5, gap=24)
mae = -cross_val_score(model, X, y, cv=cv, scoring="neg_mean_absolute_error")
print("CV MAE per fold:", mae.round(2))
print("CV MAE: %.2f MW" % mae.mean())

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
model.fit(X_train, y_train)
pred = model.predict(X_test)
print("holdout MAE: %.2f MW" % mean_absolute_error(y_test, pred))

plt.scatter(y_test, pred, s=2, alpha=0.4)
plt.xlabel("actual MW")
plt.ylabel("predicted MW")
plt.savefig("power_pred.png")
