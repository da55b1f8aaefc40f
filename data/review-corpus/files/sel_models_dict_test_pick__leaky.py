# label: leakage/selection
# twin: sel_models_dict_test_pick__fixed.py
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
test_scores = {}
for name, model in models.items():
    model.fit(X_train, y_train)
    test_scores[name] = balanced_accuracy_score(y_test, model.predict(X_test))
winner = max(test_scores, key=test_scores.get)
print(f"{winner}: test balanced accuracy {test_scores[winner]:.3f}")
