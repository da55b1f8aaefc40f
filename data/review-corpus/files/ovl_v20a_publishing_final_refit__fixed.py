# label: leakage/none
"""Small independent publisher: will a new title sell through its first print run within eight weeks?
Compare a few model families with CV, refit the winner, and report hold-out performance."""
import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

DATA = "data/press_title_runs.csv"
NUMERIC = ["list_price", "first_print_run", "page_count", "author_prev_titles",
           "author_prev_sellthrough", "preorders", "marketing_tier", "days_to_holiday"]
CATEGORICAL = ["genre", "format", "imprint", "distribution_region"]
TARGET = "sold_through_8w"


def build_prep(scale):
    num_steps = [("impute", SimpleImputer(strategy="median"))]
    if scale:
        num_steps.append(("scale", StandardScaler()))
    return ColumnTransformer([
        ("num", Pipeline(num_steps), NUMERIC),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=10), CATEGORICAL),
    ])


CANDIDATES = {
    "logreg": Pipeline([("prep", build_prep(True)),
                        ("model", LogisticRegression(C=0.5, max_iter=3000))]),
    "forest": Pipeline([("prep", build_prep(False)),
                        ("model", RandomForestClassifier(n_estimators=400, min_samples_leaf=5,
                                                         n_jobs=-1, random_state=0))]),
    "hgb": Pipeline([("prep", build_prep(False)),
                     ("model", HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300,
                                                              random_state=0))]),
}

titles = pd.read_csv(DATA)
titles = titles.drop_duplicates(subset="isbn13")
titles["days_to_holiday"] = titles["days_to_holiday"].clip(upper=120)
X = titles[NUMERIC + CATEGORICAL]
y = titles[TARGET].astype(int)
print(f"{len(titles)} titles, sell-through rate {y.mean():.2%}")

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, stratify=y, random_state=42)

cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=1)
cv_scores = {}
for name, pipe in CANDIDATES.items():
    scores = cross_val_score(pipe, X_train, y_train, cv=cv, scoring="roc_auc", n_jobs=-1)
    cv_scores[name] = scores.mean()
    print(f"{name:7s} cv AUC {scores.mean():.3f} +/- {scores.std():.3f}")

winner = max(cv_scores, key=cv_scores.get)
final = clone(CANDIDATES[winner]).fit(X_train, y_train)

proba = final.predict_proba(X_test)[:, 1]
print(f"selected: {winner}")
print(f"hold-out ROC-AUC: {roc_auc_score(y_test, proba):.3f}")
print(f"hold-out PR-AUC:  {average_precision_score(y_test, proba):.3f}")

ranked = pd.DataFrame({"p": proba, "y": y_test.values}).sort_values("p", ascending=False)
top = ranked.head(int(len(ranked) * 0.1))
print(f"sell-through among top decile of scores: {top['y'].mean():.2%}")
