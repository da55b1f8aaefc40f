# label: leakage/selection
# twin: sel_cv_shortlist_test_tiebreak__fixed.py
# source: hand-written for ai-ci held-out v7 (Apache-2.0)
import pandas as pd
from sklearn.ensemble import ExtraTreesClassifier, HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

wells = pd.read_csv("data/groundwater_wells.csv")
X = wells.drop(columns=["well_id", "contaminated"])
y = wells["contaminated"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=5)

CANDIDATES = {
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, C=0.3)),
    "knn": make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=25)),
    "rf": RandomForestClassifier(n_estimators=500, min_samples_leaf=3, random_state=5),
    "extra_trees": ExtraTreesClassifier(n_estimators=500, random_state=5),
    "hgb": HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=5),
}

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=5)
leaderboard = pd.Series({
    name: cross_val_score(est, X_train, y_train, cv=cv, scoring="balanced_accuracy").mean()
    for name, est in CANDIDATES.items()
}).sort_values(ascending=False)
print(leaderboard.round(4))

shortlist = leaderboard.index[:3]
final_scores = {}
for name in shortlist:
    est = CANDIDATES[name].fit(X_train, y_train)
    final_scores[name] = balanced_accuracy_score(y_test, est.predict(X_test))

winner = max(final_scores, key=final_scores.get)
print(f"winner: {winner}  test balanced accuracy {final_scores[winner]:.4f}")
