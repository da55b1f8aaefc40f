# label: leakage/none
# twin: sel_statsmodels_stepwise__leaky.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
import numpy as np
import statsmodels.api as sm
from sklearn.datasets import load_diabetes
from sklearn.model_selection import train_test_split

frame = load_diabetes(as_frame=True).frame
X_train, X_test, y_train, y_test = train_test_split(
    frame.drop(columns="target"), frame["target"], test_size=0.3, random_state=1
)


def train_aic(columns):
    return sm.OLS(y_train, sm.add_constant(X_train[columns])).fit().aic


# forward stepwise selection
selected, remaining = [], list(X_train.columns)
best_so_far = np.inf
while remaining:
    scores = {c: train_aic(selected + [c]) for c in remaining}
    candidate = min(scores, key=scores.get)
    if scores[candidate] >= best_so_far:
        break
    best_so_far = scores[candidate]
    selected.append(candidate)
    remaining.remove(candidate)

final = sm.OLS(y_train, sm.add_constant(X_train[selected])).fit()
print(final.summary())
print("selected:", selected)
pred = final.predict(sm.add_constant(X_test[selected], has_constant="add"))
print("test MSE:", np.mean((y_test - pred) ** 2))
