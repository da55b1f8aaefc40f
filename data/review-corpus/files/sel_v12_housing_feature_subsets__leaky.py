# label: leakage/selection
# twin: sel_v12_housing_feature_subsets__fixed.py
# source: hand-written for ai-ci held-out v12 (Apache-2.0)
from itertools import combinations

from sklearn.datasets import fetch_california_housing
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

data = fetch_california_housing(as_frame=True)
X, y = data.data, data.target
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

candidates = list(X.columns)
results = {}
for k in (3, 4, 5):
    for subset in combinations(candidates, k):
        cols = list(subset)
        model = LinearRegression()
        model.fit(X_train[cols], y_train)
        results[subset] = r2_score(y_test, model.predict(X_test[cols]))

best = max(results, key=results.get)
final = LinearRegression().fit(X_train[list(best)], y_train)
print("selected features:", best)
print(f"test R2: {r2_score(y_test, final.predict(X_test[list(best)])):.3f}")
