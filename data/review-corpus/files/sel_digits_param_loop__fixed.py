# label: leakage/none
# twin: sel_digits_param_loop__leaky.py
# source: adapted from scikit-learn examples/model_selection/plot_grid_search_digits.py (BSD-3-Clause, (c) the scikit-learn developers)
from sklearn import datasets
from sklearn.metrics import classification_report
from sklearn.model_selection import GridSearchCV, train_test_split
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

grid_search = GridSearchCV(SVC(), tuned_parameters, scoring="precision", cv=5)
grid_search.fit(X_train, y_train)
for mean, params in zip(grid_search.cv_results_["mean_test_score"], grid_search.cv_results_["params"]):
    print(f"{mean:0.3f} for {params}")

best_params = grid_search.best_params_
final = grid_search.best_estimator_
print(f"\nThe best set of parameters found are:\n{best_params}")
y_pred = final.predict(X_test)
print(
    "\nOur selected model will have the following performance on the "
    f"testing set:\n\n {classification_report(y_test, y_pred)}"
)
