# label: leakage/none
# twin: sel_models_dict_test_pick__leaky.py
# source: hand-written for ai-ci, tuning part of round 4 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import cross_val_score, train_test_split

cover = pd.read_csv("forest_cover_sample.csv")
X_train, X_test, y_train, y_test = train_test_split(
    cover.drop(columns=["cover_type"]), cover["cover_type"], test_size=0.2, random_state=21
)
models = {
    "logreg": LogisticRegression(max_iter=2000),
    "forest": RandomForestClassifier(n_estimators=300, random_state=21),
    "extra": ExtraTreesClassifier(n_estimators=300, random_state=21),
}
cv_scores = {name: cross_val_score(m, X_train, y_train, cv=5, scoring="balanced_accuracy").mean() for name, m in models.items()}
winner = max(cv_scores, key=cv_scores.get)
final = models[winner].fit(X_train, y_train)
print(f"{winner}: test balanced accuracy {balanced_accuracy_score(y_test, final.predict(X_test)):.3f}")
