# label: leakage/preprocessing
# twin: pre_helper_scaler__fixed.py
# source: hand-written for ai-ci held-out v2 (Apache-2.0)
import pandas as pd
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import RobustScaler
from sklearn.svm import SVR

NUMERIC = ["sqft_living", "sqft_lot", "bedrooms", "bathrooms", "yr_built", "lat", "long"]


def prepare_features(frame):
    frame = frame.copy()
    scaler = RobustScaler()
    frame[NUMERIC] = scaler.fit_transform(frame[NUMERIC])
    frame["renovated"] = (frame["yr_renovated"] > 0).astype(int)
    return frame[NUMERIC + ["renovated"]]


houses = pd.read_csv("kc_house_data.csv")
X = prepare_features(houses)
y = houses["price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=21)

svr = SVR(C=1e5, epsilon=1e4).fit(X_train, y_train)
print("R2 on test:", r2_score(y_test, svr.predict(X_test)))
