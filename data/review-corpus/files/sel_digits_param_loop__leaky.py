# label: leakage/selection
# twin: sel_digits_param_loop__fixed.py
# source: adapted from scikit-learn examples/model_selection/plot_grid_search_digits.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn import datasets
from sklearn.metrics import classification_report, precision_score
from sklearn.model_selection import ParameterGrid, train_test_split
from sklearn.svm import SVC

digits = datasets.load_digits()
n_samples = len(digits.images)
X = digits.images.reshape((n_samples, -1))
y = digits.target == 8
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, random_state=0)

tuned_parameters = [
    {"kernel": ["rbf"], "gamma": [1e-3, 1e-4], "C": [1, 10, 100, 1000]},
    {"kernel": ["linear"], "C": [1, 10, 100, 1000]},
]

best_params, best_precision = None, -1.0
for params in ParameterGrid(tuned_parameters):
    clf = SVC(**params).fit(X_train, y_train)
    precision = precision_score(y_test, clf.predict(X_test))
    print(f"{precision:0.3f} for {params}")
    if precision > best_precision:
        best_params, best_precision = params, precision

final = SVC(**best_params).fit(X_train, y_train)
print(f"\nThe best set of parameters found are:\n{best_params}")
y_pred = final.predict(X_test)
print(
    "\nOur selected model will have the following performance on the "
    f"testing set:\n\n {classification_report(y_test, y_pred)}"
)
