# label: fixed
# source: hand-written for ai-ci, held-out v9 (Apache-2.0)
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

data = load_breast_cancer()
X_train, X_test, y_train, y_test = train_test_split(
    data.data, data.target, test_size=0.25, stratify=data.target, random_state=0
)

candidates = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=5000)),
    "svc_rbf": make_pipeline(StandardScaler(), SVC(C=10, gamma="scale")),
    "knn_3": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=3)),
    "random_forest": RandomForestClassifier(n_estimators=400, random_state=0),
    "extra_trees": ExtraTreesClassifier(n_estimators=400, random_state=0),
}


def evaluate(estimator):
    return cross_val_score(estimator, X_train, y_train, cv=5, scoring="accuracy").mean()


leaderboard = sorted(
    ((evaluate(est), name) for name, est in candidates.items()), reverse=True
)
for acc, name in leaderboard:
    print(f"{name:<14} {acc:.4f}")

best_cv, best_name = leaderboard[0]
best_model = candidates[best_name].fit(X_train, y_train)
best_acc = accuracy_score(y_test, best_model.predict(X_test))
print(f"shipping {best_name}, expected accuracy {best_acc:.4f}")
