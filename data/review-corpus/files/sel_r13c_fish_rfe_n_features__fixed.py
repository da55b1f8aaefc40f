# label: leakage/none
# twin: sel_r13c_fish_rfe_n_features__leaky.py
# source: hand-written for ai-ci, tuning part of round 13 (Apache-2.0)
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split, cross_val_score
from sklearn.feature_selection import RFE
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score, mean_absolute_error

fish = pd.read_csv("Fish.csv")
fish = fish[fish["Weight"] > 0]

# shape features (no use of Weight)
fish["volume_proxy"] = fish["Length3"] * fish["Height"] * fish["Width"]
fish["log_length"] = np.log(fish["Length3"])
fish["height_ratio"] = fish["Height"] / fish["Length3"]

X = fish.drop(columns=["Species", "Weight"])
y = fish["Weight"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=1)


def evaluate(n_features):
    selector = RFE(LinearRegression(), n_features_to_select=n_features)
    return cross_val_score(selector, X_train, y_train, cv=5, scoring="r2").mean()


results = {}
for n in range(1, X.shape[1] + 1):
    results[n] = evaluate(n)
    print(f"{n} features -> R2 {results[n]:.3f}")

best_n = max(results, key=results.get)
final = RFE(LinearRegression(), n_features_to_select=best_n).fit(X_train, y_train)
pred = final.predict(X_test)

print("kept:", list(X.columns[final.support_]))
print("test R2:", r2_score(y_test, pred))
print("test MAE (g):", mean_absolute_error(y_test, pred))
