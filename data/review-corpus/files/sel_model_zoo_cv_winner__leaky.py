# label: leakage/selection
# twin: sel_model_zoo_cv_winner__fixed.py
# source: hand-written for ai-ci held-out v3 (Apache-2.0)
# %%
from sklearn.compose import make_column_selector, make_column_transformer
from sklearn.datasets import fetch_openml
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import SVC

# %%
credit = fetch_openml("credit-g", version=1, as_frame=True)
X, y = credit.data, (credit.target == "bad").astype(int)


def preprocessing():
    return make_column_transformer(
        (StandardScaler(), make_column_selector(dtype_include="number")),
        (OneHotEncoder(handle_unknown="ignore"), make_column_selector(dtype_include="category")),
    )


candidates = {
    "logistic": LogisticRegression(max_iter=2000),
    "svm": SVC(),
    "forest": RandomForestClassifier(n_estimators=500, random_state=0),
    "boosting": HistGradientBoostingClassifier(random_state=0),
}

# %%
cv = StratifiedKFold(n_splits=10, shuffle=True, random_state=0)
scores = {}
for name, clf in candidates.items():
    scores[name] = cross_val_score(make_pipeline(preprocessing(), clf), X, y, cv=cv, scoring="roc_auc").mean()
    print(f"{name:>10}: {scores[name]:.3f}")

# %%
winner = max(scores, key=scores.get)
print(f"we deploy {winner}; expected ROC AUC on new applicants: {scores[winner]:.3f}")
