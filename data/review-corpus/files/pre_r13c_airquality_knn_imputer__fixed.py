# label: leakage/none
# twin: pre_r13c_airquality_knn_imputer__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
import matplotlib.pyplot as plt
from sklearn.impute import KNNImputer
from sklearn.model_selection import train_test_split
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.pipeline import make_pipeline

# calibrate cheap metal-oxide sensors against the reference NO2 analyser
aq = pd.read_csv("AirQualityUCI.csv", sep=";", decimal=",")
aq = aq.dropna(how="all", axis=1).dropna(subset=["Date"])
aq = aq.replace(-200, np.nan)
aq = aq.dropna(subset=["NO2(GT)"])
aq["hour"] = aq["Time"].str.slice(0, 2).astype(int)

sensor_cols = ["PT08.S1(CO)", "PT08.S2(NMHC)", "PT08.S3(NOx)", "PT08.S4(NO2)",
               "PT08.S5(O3)", "T", "RH", "AH", "hour"]
X = aq[sensor_cols]
y = aq["NO2(GT)"]
print(X.isna().mean().round(3))

# keep time order: first 75% of the campaign for training
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, shuffle=False)

model = make_pipeline(
    KNNImputer(n_neighbors=5),
    RandomForestRegressor(n_estimators=300, min_samples_leaf=2, n_jobs=-1, random_state=0),
)
model.fit(X_train, y_train)
pred = model.predict(X_test)
print("test MAE (ug/m3): %.2f" % mean_absolute_error(y_test, pred))
print("test R2: %.3f" % r2_score(y_test, pred))

plt.plot(y_test.values[:500], label="reference")
plt.plot(pred[:500], label="calibrated sensor")
plt.legend()
plt.savefig("no2_calibration.png")
