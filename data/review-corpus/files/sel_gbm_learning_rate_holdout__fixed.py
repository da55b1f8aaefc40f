# label: leakage/none
# twin: sel_gbm_learning_rate_holdout__leaky.py
# source: hand-written for ai-ci held-out v8 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/used_cars.csv")
df = df.dropna(subset=["price"]).query("mileage < 400000")
features = ["year", "mileage", "engine_size", "owners", "mpg"]
X, y = df[features], df["price"]

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=7)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.25, random_state=7)


def fit_gbm(lr, X_tr, y_tr):
    model = GradientBoostingRegressor(learning_rate=lr, n_estimators=400, max_depth=3, random_state=7)
    return model.fit(X_tr, y_tr)


scores = {}
for lr in [0.01, 0.03, 0.1, 0.3]:
    model = fit_gbm(lr, X_tr, y_tr)
    scores[lr] = mean_absolute_error(y_val, model.predict(X_val))
    print(f"lr={lr}: MAE {scores[lr]:.0f}")

best_lr = min(scores, key=scores.get)
final = fit_gbm(best_lr, X_train, y_train)
print("best learning rate", best_lr)
print("test MAE", mean_absolute_error(y_test, final.predict(X_test)))
