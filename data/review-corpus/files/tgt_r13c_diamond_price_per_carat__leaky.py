# label: leakage/target
# twin: tgt_r13c_diamond_price_per_carat__fixed.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, r2_score

diamonds = pd.read_csv("diamonds.csv", index_col=0)
diamonds = diamonds.drop_duplicates()
diamonds = diamonds[(diamonds[["x", "y", "z"]] > 0).all(axis=1)]


def add_features(df):
    df = df.copy()
    df["volume"] = df["x"] * df["y"] * df["z"]
    df["depth_ratio"] = df["z"] / ((df["x"] + df["y"]) / 2)
    df["price_per_carat"] = df["price"] / df["carat"]
    df["cut"] = df["cut"].map({"Fair": 0, "Good": 1, "Very Good": 2, "Premium": 3, "Ideal": 4})
    df["color"] = df["color"].map({c: i for i, c in enumerate("JIHGFED")})
    clarity = ["I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "VVS1", "IF"]
    df["clarity"] = df["clarity"].map({c: i for i, c in enumerate(clarity)})
    return df


diamonds = add_features(diamonds)
X = diamonds.drop(columns=["price"])
y = np.log(diamonds["price"])

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=0)

model = HistGradientBoostingRegressor(max_iter=500, learning_rate=0.05)
print("CV R2:", cross_val_score(model, X_train, y_train, cv=5, scoring="r2").mean())
model.fit(X_train, y_train)

pred = np.exp(model.predict(X_test))
actual = np.exp(y_test)
print("test MAE ($): %.0f" % mean_absolute_error(actual, pred))
print("test R2 (log price): %.4f" % r2_score(y_test, np.log(pred)))
