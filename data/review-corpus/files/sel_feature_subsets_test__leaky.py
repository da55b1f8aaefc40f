# label: leakage/selection
# twin: sel_feature_subsets_test__fixed.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
from itertools import combinations

import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

cars = pd.read_csv("auto_mpg.csv").dropna()
candidates = ["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"]
train, test = train_test_split(cars, test_size=0.2, random_state=11)
results = []
for r in (2, 3, 4):
    for subset in combinations(candidates, r):
        cols = list(subset)
        reg = LinearRegression().fit(train[cols], train["mpg"])
        results.append((r2_score(test["mpg"], reg.predict(test[cols])), cols))
best_r2, best_cols = max(results)
print(f"best subset {best_cols}: test R2 {best_r2:.3f}")
