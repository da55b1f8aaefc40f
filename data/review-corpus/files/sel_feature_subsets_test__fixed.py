# label: leakage/none
# twin: sel_feature_subsets_test__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
from itertools import combinations

import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import train_test_split

cars = pd.read_csv("auto_mpg.csv").dropna()
candidates = ["cylinders", "displacement", "horsepower", "weight", "acceleration", "model_year"]
train, test = train_test_split(cars, test_size=0.2, random_state=11)
from sklearn.model_selection import cross_val_score

results = []
for r in (2, 3, 4):
    for subset in combinations(candidates, r):
        cols = list(subset)
        cv_r2 = cross_val_score(LinearRegression(), train[cols], train["mpg"], cv=5, scoring="r2").mean()
        results.append((cv_r2, cols))
best_cv, best_cols = max(results)
reg = LinearRegression().fit(train[best_cols], train["mpg"])
print(f"best subset {best_cols}: cv R2 {best_cv:.3f}, test R2 {r2_score(test['mpg'], reg.predict(test[best_cols])):.3f}")
