# label: leakage/overlap
# twin: ovl_nearmiss_before_split__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
from imblearn.under_sampling import NearMiss
from sklearn.datasets import make_classification
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = make_classification(
    n_samples=20000, n_features=12, n_informative=6, weights=[0.97, 0.03], random_state=11
)
X_bal, y_bal = NearMiss(version=2).fit_resample(X, y)
X_train, X_test, y_train, y_test = train_test_split(X_bal, y_bal, test_size=0.25, stratify=y_bal, random_state=11)

search = GridSearchCV(
    make_pipeline(StandardScaler(), KNeighborsClassifier()),
    {"kneighborsclassifier__n_neighbors": [3, 5, 11, 21]},
    scoring="balanced_accuracy",
    cv=5,
)
search.fit(X_train, y_train)
print("best:", search.best_params_)
print("balanced accuracy on the test set:", balanced_accuracy_score(y_test, search.predict(X_test)))
